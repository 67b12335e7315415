import type { ChannelInfo, OutgoingMessage, PlatformName, PostedRef, UserInfo } from '../model.js';
import type { TextFormatter } from './text-formatter.js';

/**
 * What the core may ask of a chat platform. Narrow on purpose: add a method only for a use case,
 * never to mirror an SDK. Failures throw `PlatformError` (see `../errors.ts`).
 */
export interface ChatPlatform {
  readonly name: PlatformName;
  readonly format: TextFormatter;
  /** The bot's own user id, when known after connecting (its messages are ignored). Optional. */
  readonly botUserId?: string;

  /** Opens (or reuses) the DM with a member and posts there. */
  sendDirectMessage(userId: string, message: OutgoingMessage): Promise<PostedRef>;

  /**
   * Opens the DM with a member ahead of time, so that `sendDirectMessage` posts at once. Optional and
   * idempotent: the core calls it while it checks the reminder lock, and never waits for it.
   */
  openDirectMessage?(userId: string): Promise<void>;

  /** Posts in a channel, or in a thread of it when `threadId` is given. */
  postToChannel(channelId: string, message: OutgoingMessage, options?: { threadId?: string }): Promise<PostedRef>;

  /** Replaces a message the bot posted earlier (e.g. removes the buttons once used). */
  updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void>;

  /** Finds a channel by name (no `#`/`~`), or undefined when it does not exist or the bot can't see it. */
  findChannelByName(name: string): Promise<ChannelInfo | undefined>;

  /** Resolves a channel id; undefined when unknown. */
  getChannel(channelId: string): Promise<ChannelInfo | undefined>;

  /** Resolves a user id; undefined when unknown. */
  getUser(userId: string): Promise<UserInfo | undefined>;

  /** Finds a member by username/display name (for `/charte oublier @nom`). Optional: the core falls back to names it has seen. */
  findUserByName?(name: string): Promise<UserInfo | undefined>;

  /** True when the user is a member of the channel (committee membership = member of its channel). */
  isChannelMember(channelId: string, userId: string): Promise<boolean>;

  /** True when the bot itself is a member of the channel. */
  isBotInChannel(channelId: string): Promise<boolean>;

  /** A link to a message, or undefined when the platform can't make one. */
  permalink(channelId: string, messageId: string): Promise<string | undefined>;

  /**
   * Reads a message by permalink or ref, for `/charte signaler <lien>`. Undefined when the link is not
   * one of this workspace's or the message is gone.
   */
  resolvePermalink(link: string): Promise<{ channelId: string; messageId: string; text: string; authorId: string } | undefined>;
}
