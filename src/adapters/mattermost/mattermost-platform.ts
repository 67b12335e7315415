import { PlatformError } from '../../core/errors.js';
import type { ChannelInfo, ChannelKind, OutgoingMessage, PostedRef, UserInfo } from '../../core/model.js';
import type { ChatPlatform } from '../../core/ports/chat-platform.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { ActionSigner } from './action-signer.js';
import { MattermostFormatter } from './mattermost-formatter.js';
import { statusOf, type MattermostClient } from './mattermost-sdk.js';
import { toPostBody } from './post-props.js';
import { SharedLookup } from '../shared-lookup.js';

export interface MattermostPlatformOptions {
  client: MattermostClient;
  /** Server address without trailing slash, e.g. https://chat.example.coop. */
  url: string;
  teamId: string;
  teamName: string;
  botUserId: string;
  /** `{BOT_PUBLIC_URL}/mattermost/action`, undefined when BOT_PUBLIC_URL is unset. */
  actionUrl: string | undefined;
  signer: ActionSigner;
  clock: Clock;
  log: Logger;
}

/** A channel as the adapter needs it: the core's view plus the team, to ignore other teams. */
export interface KnownChannel extends ChannelInfo {
  teamId: string;
}

const CACHE_TTL_MS = 5 * 60_000;

export function channelKind(type: string | undefined): ChannelKind {
  switch (type) {
    case 'P':
      return 'private';
    case 'D':
      return 'dm';
    case 'G':
      return 'group';
    default:
      return 'public';
  }
}

/** ChatPlatform over Mattermost REST v4 (Client4). Channel and user lookups are cached for five minutes. */
export class MattermostPlatform implements ChatPlatform {
  readonly name = 'mattermost' as const;
  readonly format = new MattermostFormatter();
  private readonly channels = new Map<string, { value: KnownChannel; at: number }>();
  private readonly users = new Map<string, { value: UserInfo; at: number }>();
  private readonly dmChannels = new SharedLookup<string>();

  constructor(private readonly o: MattermostPlatformOptions) {}

  get botUserId(): string {
    return this.o.botUserId;
  }

  get teamId(): string {
    return this.o.teamId;
  }

  private dmChannel(userId: string): Promise<string> {
    return this.dmChannels.get(userId, async () => (await this.call('open a direct message', () => this.o.client.createDirectChannel([this.o.botUserId, userId]))).id);
  }

  async openDirectMessage(userId: string): Promise<void> {
    await this.dmChannel(userId);
  }

  async sendDirectMessage(userId: string, message: OutgoingMessage): Promise<PostedRef> {
    return this.createPost(await this.dmChannel(userId), message, { forUser: userId });
  }

  async postToChannel(channelId: string, message: OutgoingMessage, options?: { threadId?: string }): Promise<PostedRef> {
    return this.createPost(channelId, message, { rootId: options?.threadId });
  }

  async updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    const body = toPostBody(message, this.target());
    // `props` replaces the post's props, so sending `{}` removes buttons that were used.
    await this.call('update a message', () => this.o.client.patchPost({ id: ref.messageId, message: body.message, props: body.props }));
  }

  async findChannelByName(name: string): Promise<ChannelInfo | undefined> {
    const clean = name.replace(/^[~#]/, '');
    const channel = await this.orUndefined('find a channel', () => this.o.client.getChannelByName(this.o.teamId, clean));
    if (!channel) return undefined;
    const known = this.remember(channel);
    return { id: known.id, name: known.name, kind: known.kind };
  }

  async getChannel(channelId: string): Promise<ChannelInfo | undefined> {
    const known = await this.getKnownChannel(channelId);
    return known && { id: known.id, name: known.name, kind: known.kind };
  }

  /** Channel with its team id, cached. */
  async getKnownChannel(channelId: string): Promise<KnownChannel | undefined> {
    const hit = this.channels.get(channelId);
    if (hit && this.o.clock.now() - hit.at < CACHE_TTL_MS) return hit.value;
    const channel = await this.orUndefined('read a channel', () => this.o.client.getChannel(channelId));
    return channel && this.remember(channel);
  }

  async getUser(userId: string): Promise<UserInfo | undefined> {
    const hit = this.users.get(userId);
    if (hit && this.o.clock.now() - hit.at < CACHE_TTL_MS) return hit.value;
    const user = await this.orUndefined('read a user', () => this.o.client.getUser(userId));
    if (!user) return undefined;
    const value: UserInfo = { id: user.id, name: user.username, isBot: Boolean(user.is_bot) };
    this.users.set(userId, { value, at: this.o.clock.now() });
    return value;
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const member = await this.orUndefined('check a channel membership', () => this.o.client.getChannelMember(channelId, userId));
    return member !== undefined;
  }

  async isBotInChannel(channelId: string): Promise<boolean> {
    return this.isChannelMember(channelId, this.o.botUserId);
  }

  async permalink(_channelId: string, messageId: string): Promise<string | undefined> {
    return this.permalinkFor(messageId);
  }

  permalinkFor(postId: string): string {
    return `${this.o.url}/${encodeURIComponent(this.o.teamName)}/pl/${postId}`;
  }

  async resolvePermalink(link: string): Promise<{ channelId: string; messageId: string; text: string; authorId: string } | undefined> {
    const postId = parsePermalink(link.trim(), this.o.url);
    if (!postId) return undefined;
    const post = await this.orUndefined('read a linked message', () => this.o.client.getPost(postId));
    if (!post || post.delete_at > 0) return undefined;
    return { channelId: post.channel_id, messageId: post.id, text: post.message, authorId: post.user_id };
  }

  /** A thread root, for telling a solicited reply from a pitch; undefined when gone or hidden. */
  async getThreadRoot(postId: string): Promise<{ id: string; text: string; authorId: string } | undefined> {
    const post = await this.orUndefined('read a thread root', () => this.o.client.getPost(postId));
    if (!post) return undefined;
    return { id: post.id, text: post.delete_at > 0 ? '' : post.message, authorId: post.user_id };
  }

  private async createPost(channelId: string, message: OutgoingMessage, options: { rootId?: string; forUser?: string }): Promise<PostedRef> {
    const body = toPostBody(message, this.target(), { forUser: options.forUser });
    const post = await this.call('post a message', () =>
      this.o.client.createPost({ channel_id: channelId, message: body.message, props: body.props, root_id: options.rootId ?? '' }),
    );
    return { channelId: post.channel_id || channelId, messageId: post.id };
  }

  private target() {
    return { actionUrl: this.o.actionUrl, signer: this.o.signer };
  }

  private remember(channel: { id: string; name: string; type: string; team_id: string }): KnownChannel {
    const value: KnownChannel = { id: channel.id, name: channel.name, kind: channelKind(channel.type), teamId: channel.team_id ?? '' };
    this.channels.set(channel.id, { value, at: this.o.clock.now() });
    return value;
  }

  /** Runs a call; 404 and 403 (unknown, or the bot can't see it) become undefined. */
  private async orUndefined<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 403) return undefined;
      throw toPlatformError(what, err);
    }
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toPlatformError(what, err);
    }
  }
}

/** `${url}/${team}/pl/${postId}` → postId, only for links to this server. */
export function parsePermalink(link: string, serverUrl: string): string | undefined {
  let parsed: URL;
  let server: URL;
  try {
    parsed = new URL(link);
    server = new URL(serverUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin !== server.origin) return undefined;
  const base = server.pathname.replace(/\/+$/, '');
  if (!parsed.pathname.startsWith(`${base}/`)) return undefined;
  const match = /^\/[^/]+\/pl\/([a-z0-9]{26})\/?$/.exec(parsed.pathname.slice(base.length));
  return match?.[1];
}

export function toPlatformError(what: string, err: unknown): PlatformError {
  const status = statusOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  const code = status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'PLATFORM_ERROR';
  return new PlatformError(`Mattermost: could not ${what} (${status ?? 'network'}: ${detail})`, { cause: err, code });
}
