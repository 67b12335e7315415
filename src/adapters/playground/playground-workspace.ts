import type { Button, ChannelKind } from '../../core/model.js';
import { BOT_ID, seedWorkspace, type ChannelNames } from './playground-seed.js';

export { BOT_ID };

export interface PlaygroundMember {
  /** Handle, also the id: `camille`. Used in `@camille` mentions. */
  id: string;
  displayName: string;
  /** Trade or role shown in the member picker ("graphiste", "chargée d'accompagnement"). */
  title: string;
  isBot: boolean;
  /** On the ethics committee (shown as a badge; membership itself is the committee channel's). */
  committee?: boolean;
  /** Support staff (« chargé·e d'accompagnement »). */
  staff?: boolean;
}

export interface PlaygroundChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  topic?: string;
  /** Member ids; public channels list everyone, private and DM channels only who may read them. */
  members: string[];
}

export interface PlaygroundMessage {
  id: string;
  channelId: string;
  authorId: string;
  text: string;
  at: number;
  /** Root message id when this is a thread reply. */
  threadId?: string;
  buttons?: Button[];
  editedAt?: number;
  /** Shown to this member only (ephemeral command results and action replies). */
  visibleTo?: string;
}

export interface WorkspaceData {
  version: 1;
  /** Random per workspace (and per reset): message ids never repeat, so the core's dedupe never swallows a new post. */
  epoch: string;
  nextSeq: number;
  members: PlaygroundMember[];
  channels: PlaygroundChannel[];
  messages: PlaygroundMessage[];
}

export interface WorkspaceOptions {
  channels: ChannelNames;
  now: () => number;
}

/** Oldest messages beyond this, per channel, are dropped so the state file stays small. */
export const MAX_MESSAGES_PER_CHANNEL = 400;

/**
 * The whole chat workspace in memory: members, channels, messages. Every mutation notifies the
 * listeners (persistence, live updates). Visibility rules live here so the API and the platform agree.
 */
export class PlaygroundWorkspace {
  private readonly listeners = new Set<() => void>();

  constructor(
    private data: WorkspaceData,
    private readonly options: WorkspaceOptions,
  ) {}

  static fresh(options: WorkspaceOptions): PlaygroundWorkspace {
    return new PlaygroundWorkspace(seedWorkspace(options.channels, options.now()), options);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): WorkspaceData {
    return this.data;
  }

  get committeeChannelId(): string {
    return this.options.channels.committee;
  }

  get generalChannelId(): string {
    return this.options.channels.general;
  }

  /** Back to the seeded workspace; a new epoch keeps new message ids distinct from the old ones. */
  reset(): void {
    this.data = seedWorkspace(this.options.channels, this.options.now());
    this.changed();
  }

  members(): PlaygroundMember[] {
    return this.data.members;
  }

  member(id: string): PlaygroundMember | undefined {
    return this.data.members.find((m) => m.id === id);
  }

  channel(id: string): PlaygroundChannel | undefined {
    return this.data.channels.find((c) => c.id === id);
  }

  channelByName(name: string): PlaygroundChannel | undefined {
    return this.data.channels.find((c) => c.name === name && c.kind !== 'dm');
  }

  /** The DM between a member and the bot, created on first use. */
  dmChannelFor(memberId: string): PlaygroundChannel {
    const id = `dm-${memberId}`;
    let channel = this.channel(id);
    if (!channel) {
      channel = { id, name: id, kind: 'dm', members: [memberId, BOT_ID] };
      this.data.channels.push(channel);
    }
    return channel;
  }

  isMember(channelId: string, memberId: string): boolean {
    const channel = this.channel(channelId);
    return channel !== undefined && (channel.kind === 'public' || channel.members.includes(memberId));
  }

  /** Channels a member may open: public ones, private ones they belong to, their own DM. */
  channelsVisibleTo(memberId: string): PlaygroundChannel[] {
    return this.data.channels.filter((c) => this.isMember(c.id, memberId));
  }

  canSee(memberId: string, message: PlaygroundMessage): boolean {
    if (message.visibleTo !== undefined && message.visibleTo !== memberId) return false;
    return this.isMember(message.channelId, memberId);
  }

  messagesVisibleTo(memberId: string): PlaygroundMessage[] {
    return this.data.messages.filter((m) => this.canSee(memberId, m));
  }

  message(id: string): PlaygroundMessage | undefined {
    return this.data.messages.find((m) => m.id === id);
  }

  addMessage(input: Omit<PlaygroundMessage, 'id' | 'at'> & { at?: number }): PlaygroundMessage {
    const message: PlaygroundMessage = { ...input, id: `m-${this.data.epoch}-${this.data.nextSeq++}`, at: input.at ?? this.options.now() };
    this.data.messages.push(message);
    this.trim(message.channelId);
    this.changed();
    return message;
  }

  updateMessage(id: string, patch: Partial<Pick<PlaygroundMessage, 'text' | 'buttons' | 'editedAt'>>): PlaygroundMessage | undefined {
    const message = this.message(id);
    if (!message) return undefined;
    Object.assign(message, patch);
    if (patch.buttons !== undefined && patch.buttons.length === 0) delete message.buttons;
    this.changed();
    return message;
  }

  /** Deletes a message and, when it is a thread root, its replies (as Slack and Mattermost do). */
  deleteMessage(id: string): PlaygroundMessage | undefined {
    const message = this.message(id);
    if (!message) return undefined;
    this.data.messages = this.data.messages.filter((m) => m.id !== id && m.threadId !== id);
    this.changed();
    return message;
  }

  private trim(channelId: string): void {
    const inChannel = this.data.messages.filter((m) => m.channelId === channelId);
    if (inChannel.length <= MAX_MESSAGES_PER_CHANNEL) return;
    const drop = new Set(inChannel.slice(0, inChannel.length - MAX_MESSAGES_PER_CHANNEL).map((m) => m.id));
    this.data.messages = this.data.messages.filter((m) => !drop.has(m.id));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
