import { PlatformError } from '../../core/errors.js';
import type { ChannelInfo, OutgoingMessage, PostedRef, UserInfo } from '../../core/model.js';
import type { ChatPlatform } from '../../core/ports/chat-platform.js';
import type { TextFormatter } from '../../core/ports/text-formatter.js';
import { markdownFormatter } from './markdown-formatter.js';
import { BOT_ID, type PlaygroundChannel, type PlaygroundMember, type PlaygroundWorkspace } from './playground-workspace.js';

export function toChannelInfo(channel: PlaygroundChannel): ChannelInfo {
  return { id: channel.id, name: channel.name, kind: channel.kind };
}

export function toUserInfo(member: PlaygroundMember): UserInfo {
  return { id: member.id, name: member.id, isBot: member.isBot };
}

/** Permalinks are page links with the channel and message in the fragment: `http://127.0.0.1:3000/#c=general&m=m-ab12-7`. */
export function parsePermalink(link: string): { channelId: string; messageId: string } | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const channelId = params.get('c');
  const messageId = params.get('m');
  return channelId && messageId ? { channelId, messageId } : undefined;
}

/**
 * The playground as a chat platform: the bot "posts" by writing into the in-memory workspace, which
 * the page reads. Same contract as Slack and Mattermost, so the core cannot tell the difference.
 */
export class PlaygroundPlatform implements ChatPlatform {
  readonly name = 'playground' as const;
  readonly format: TextFormatter = markdownFormatter;
  readonly botUserId = BOT_ID;

  constructor(
    private readonly workspace: PlaygroundWorkspace,
    /** The page's address, known once the server listens; used for permalinks. */
    private readonly baseUrl: () => string | undefined,
  ) {}

  async sendDirectMessage(userId: string, message: OutgoingMessage): Promise<PostedRef> {
    const member = this.workspace.member(userId);
    if (!member || member.isBot) throw new PlatformError(`no member "${userId}" in the playground`, { code: 'NOT_FOUND' });
    const dm = this.workspace.dmChannelFor(userId);
    return this.post(dm.id, message);
  }

  async postToChannel(channelId: string, message: OutgoingMessage, options?: { threadId?: string }): Promise<PostedRef> {
    const channel = this.workspace.channel(channelId);
    if (!channel) throw new PlatformError(`no channel "${channelId}" in the playground`, { code: 'NOT_FOUND' });
    if (!this.workspace.isMember(channelId, BOT_ID)) throw new PlatformError(`the bot is not in #${channel.name}`);
    const root = options?.threadId ? this.workspace.message(options.threadId) : undefined;
    // A reply to a reply goes to the thread's root, as on Slack and Mattermost.
    const threadId = root ? (root.threadId ?? root.id) : undefined;
    return this.post(channelId, message, threadId);
  }

  async updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    const existing = this.workspace.message(ref.messageId);
    if (!existing || existing.channelId !== ref.channelId) throw new PlatformError(`no message ${ref.messageId}`, { code: 'NOT_FOUND' });
    if (existing.authorId !== BOT_ID) throw new PlatformError('the bot can only update its own messages');
    this.workspace.updateMessage(ref.messageId, { text: message.text, buttons: message.buttons ?? [] });
  }

  async findChannelByName(name: string): Promise<ChannelInfo | undefined> {
    const channel = this.workspace.channelByName(name.replace(/^[#~]/, ''));
    // A private channel the bot is not in is invisible to it, as on the real platforms.
    if (!channel || !this.workspace.isMember(channel.id, BOT_ID)) return undefined;
    return toChannelInfo(channel);
  }

  async getChannel(channelId: string): Promise<ChannelInfo | undefined> {
    const channel = this.workspace.channel(channelId);
    return channel ? toChannelInfo(channel) : undefined;
  }

  async getUser(userId: string): Promise<UserInfo | undefined> {
    const member = this.workspace.member(userId);
    return member ? toUserInfo(member) : undefined;
  }

  /** By handle (`@camille`) or display name, case and accents ignored. */
  async findUserByName(name: string): Promise<UserInfo | undefined> {
    const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
    const wanted = fold(name.replace(/^@/, ''));
    const member = this.workspace.members().find((m) => fold(m.id) === wanted || fold(m.displayName) === wanted);
    return member ? toUserInfo(member) : undefined;
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const channel = this.workspace.channel(channelId);
    // Explicit membership: on a public channel everyone may read, but "member of the committee
    // channel" must mean listed, which is what the committee check relies on.
    return channel !== undefined && channel.members.includes(userId);
  }

  async isBotInChannel(channelId: string): Promise<boolean> {
    return this.isChannelMember(channelId, BOT_ID);
  }

  async permalink(channelId: string, messageId: string): Promise<string | undefined> {
    const base = this.baseUrl();
    if (!base || !this.workspace.message(messageId)) return undefined;
    return `${base}/#${new URLSearchParams({ c: channelId, m: messageId }).toString()}`;
  }

  async resolvePermalink(link: string): Promise<{ channelId: string; messageId: string; text: string; authorId: string } | undefined> {
    const ref = parsePermalink(link);
    const message = ref ? this.workspace.message(ref.messageId) : undefined;
    if (!ref || !message || message.channelId !== ref.channelId || message.visibleTo !== undefined) return undefined;
    return { channelId: message.channelId, messageId: message.id, text: message.text, authorId: message.authorId };
  }

  private post(channelId: string, message: OutgoingMessage, threadId?: string): PostedRef {
    const posted = this.workspace.addMessage({
      channelId,
      authorId: BOT_ID,
      text: message.text,
      ...(message.buttons?.length ? { buttons: message.buttons } : {}),
      ...(threadId ? { threadId } : {}),
    });
    return { channelId, messageId: posted.id };
  }
}
