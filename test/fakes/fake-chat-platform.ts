import type { ChannelInfo, OutgoingMessage, PlatformName, PostedRef, UserInfo } from '../../src/core/model.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import type { TextFormatter } from '../../src/core/ports/text-formatter.js';
import { PlatformError } from '../../src/core/errors.js';

/** Markdown-ish formatter (Mattermost / playground flavour): `**bold**`, `[label](url)`, `~channel`, `@user`. */
export const markdownFormatter: TextFormatter = {
  bold: (t) => `**${t}**`,
  italic: (t) => `_${t}_`,
  link: (url, label) => `[${label}](${url})`,
  channel: (c) => `~${c.name}`,
  user: (u) => `@${u.name}`,
  // Backslash-escape Markdown and HTML-ish markup so quoted text stays text.
  escape: (t) => t.replace(/([\\`*_{}[\]()<>#+!|~>])/g, '\\$1'),
  quote: (t) => t.split('\n').map((l) => `> ${l}`).join('\n'),
};

export interface RecordedPost {
  ref: PostedRef;
  channelId: string;
  message: OutgoingMessage;
  threadId?: string;
}

export interface RecordedDm {
  ref: PostedRef;
  userId: string;
  message: OutgoingMessage;
}

/**
 * In-memory `ChatPlatform` for tests and the playground: channels, users and memberships you set up,
 * and a record of every DM, post and update. `failNext(method)` makes the next call throw a
 * `PlatformError`, to test retries and exactly-once.
 */
export class FakeChatPlatform implements ChatPlatform {
  readonly name: PlatformName;
  readonly format: TextFormatter = markdownFormatter;
  readonly botUserId: string;
  readonly channels = new Map<string, ChannelInfo>();
  readonly users = new Map<string, UserInfo>();
  readonly members = new Map<string, Set<string>>();
  readonly messages = new Map<string, { channelId: string; messageId: string; text: string; authorId: string }>();
  readonly dms: RecordedDm[] = [];
  readonly posts: RecordedPost[] = [];
  readonly updates: Array<{ ref: PostedRef; message: OutgoingMessage }> = [];
  private readonly failures = new Map<string, number>();
  private seq = 0;

  constructor(options: { name?: PlatformName; botUserId?: string } = {}) {
    this.name = options.name ?? 'playground';
    this.botUserId = options.botUserId ?? 'UBOT';
    this.addUser({ id: this.botUserId, name: 'charte-bot', isBot: true });
  }

  addChannel(channel: ChannelInfo, memberIds: string[] = []): ChannelInfo {
    this.channels.set(channel.id, channel);
    this.members.set(channel.id, new Set(memberIds));
    return channel;
  }

  addUser(user: UserInfo): UserInfo {
    this.users.set(user.id, user);
    return user;
  }

  join(channelId: string, userId: string): void {
    (this.members.get(channelId) ?? this.members.set(channelId, new Set()).get(channelId)!).add(userId);
  }

  leave(channelId: string, userId: string): void {
    this.members.get(channelId)?.delete(userId);
  }

  /** Registers an existing message so `resolvePermalink` / `permalink` find it. */
  addMessage(channelId: string, messageId: string, text: string, authorId: string): string {
    this.messages.set(`${channelId}/${messageId}`, { channelId, messageId, text, authorId });
    return this.linkFor(channelId, messageId);
  }

  linkFor(channelId: string, messageId: string): string {
    return `https://chat.example.test/${channelId}/${messageId}`;
  }

  /** The next `count` calls of `method` throw a PlatformError. */
  failNext(method: 'sendDirectMessage' | 'postToChannel' | 'updateMessage', count = 1): void {
    this.failures.set(method, count);
  }

  dmsTo(userId: string): RecordedDm[] {
    return this.dms.filter((d) => d.userId === userId);
  }

  postsIn(channelId: string): RecordedPost[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }

  private maybeFail(method: string): void {
    const left = this.failures.get(method) ?? 0;
    if (left > 0) {
      this.failures.set(method, left - 1);
      throw new PlatformError(`fake ${method} failure`);
    }
  }

  /** Members whose DM was opened ahead of a send, in order; `openFails` makes every open reject. */
  readonly opened: string[] = [];
  openFails = false;

  async openDirectMessage(userId: string): Promise<void> {
    this.opened.push(userId);
    if (this.openFails) throw new PlatformError('fake open failure');
  }

  async sendDirectMessage(userId: string, message: OutgoingMessage): Promise<PostedRef> {
    this.maybeFail('sendDirectMessage');
    const ref = { channelId: `D-${userId}`, messageId: `m${++this.seq}` };
    this.dms.push({ ref, userId, message });
    return ref;
  }

  async postToChannel(channelId: string, message: OutgoingMessage, options?: { threadId?: string }): Promise<PostedRef> {
    this.maybeFail('postToChannel');
    const ref = { channelId, messageId: `m${++this.seq}` };
    this.posts.push({ ref, channelId, message, threadId: options?.threadId });
    return ref;
  }

  async updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    this.maybeFail('updateMessage');
    this.updates.push({ ref, message });
  }

  async findChannelByName(name: string): Promise<ChannelInfo | undefined> {
    return [...this.channels.values()].find((c) => c.name === name.replace(/^[#~]/, ''));
  }

  async getChannel(channelId: string): Promise<ChannelInfo | undefined> {
    return this.channels.get(channelId);
  }

  async getUser(userId: string): Promise<UserInfo | undefined> {
    return this.users.get(userId);
  }

  async findUserByName(name: string): Promise<UserInfo | undefined> {
    return [...this.users.values()].find((u) => u.name.toLowerCase() === name.replace(/^@/, '').toLowerCase());
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    return this.members.get(channelId)?.has(userId) ?? false;
  }

  async isBotInChannel(channelId: string): Promise<boolean> {
    return this.isChannelMember(channelId, this.botUserId);
  }

  async permalink(channelId: string, messageId: string): Promise<string | undefined> {
    return this.linkFor(channelId, messageId);
  }

  async resolvePermalink(link: string): Promise<{ channelId: string; messageId: string; text: string; authorId: string } | undefined> {
    const m = /^https:\/\/chat\.example\.test\/([^/]+)\/([^/?#]+)$/.exec(link.trim());
    return m ? this.messages.get(`${m[1]}/${m[2]}`) : undefined;
  }
}
