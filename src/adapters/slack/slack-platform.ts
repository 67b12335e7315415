import type { webApi } from '@slack/bolt';
import type { ChannelInfo, OutgoingMessage, PostedRef, ThreadParent, UserInfo } from '../../core/model.js';
import type { ChatPlatform } from '../../core/ports/chat-platform.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { fallbackText, messageArgs, toBlocks } from './slack-blocks.js';
import { SlackFormatter } from './slack-formatter.js';
import { SharedLookup } from '../shared-lookup.js';
import { buildSlackPermalink, parseSlackPermalink } from './slack-permalink.js';
import { isNotFound, toPlatformError } from './slack-web-client.js';
import { TtlCache } from './ttl-cache.js';
import { normaliseName, toChannelInfo, toUserInfo, type SlackChannel, type SlackMessage, type SlackUser } from './slack-conversions.js';

/** Who the bot is, from `auth.test`: its user id (self-filter) and the workspace URL (permalinks). */
export interface SlackIdentity {
  botUserId: string;
  botId?: string;
  teamId?: string;
  teamUrl?: string;
}

const MINUTE = 60_000;

/** The core's view of Slack, over the Web API. Every failure surfaces as a `PlatformError`. */
export class SlackPlatform implements ChatPlatform {
  readonly name = 'slack' as const;
  readonly format = new SlackFormatter();

  private readonly channels: TtlCache<ChannelInfo>;
  private readonly users: TtlCache<UserInfo>;
  private readonly members: TtlCache<Set<string>>;
  private readonly parents: TtlCache<ThreadParent>;
  /** DM channel per member, opened once (`conversations.open`), shared by concurrent callers. */
  private readonly dms = new SharedLookup<string>();
  private userList?: { at: number; byName: Map<string, UserInfo> };
  private channelList?: { at: number; byName: Map<string, ChannelInfo> };

  constructor(
    private readonly client: webApi.WebClient,
    readonly identity: SlackIdentity,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** A client without retries for health probes, so `/healthz` answers fast when Slack is down. */
    private readonly probe: webApi.WebClient = client,
  ) {
    this.channels = new TtlCache(clock, 10 * MINUTE);
    this.users = new TtlCache(clock, 10 * MINUTE);
    this.members = new TtlCache(clock, MINUTE);
    this.parents = new TtlCache(clock, 10 * MINUTE);
  }

  private async call<T>(method: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw toPlatformError(method, err);
    }
  }

  private dmChannel(userId: string): Promise<string> {
    return this.dms.get(userId, async () => {
      const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }));
      const channel = opened.channel?.id;
      if (!channel) throw toPlatformError('conversations.open', new Error('no DM channel returned'));
      return channel;
    });
  }

  async openDirectMessage(userId: string): Promise<void> {
    await this.dmChannel(userId);
  }

  async sendDirectMessage(userId: string, message: OutgoingMessage): Promise<PostedRef> {
    const dm = await this.dmChannel(userId);
    const posted = await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel: dm, ...messageArgs(message) }));
    return { channelId: posted.channel ?? dm, messageId: posted.ts ?? '' };
  }

  async postToChannel(channelId: string, message: OutgoingMessage, options?: { threadId?: string }): Promise<PostedRef> {
    const posted = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel: channelId, ...messageArgs(message), ...(options?.threadId ? { thread_ts: options.threadId } : {}) }),
    );
    return { channelId: posted.channel ?? channelId, messageId: posted.ts ?? '' };
  }

  async updateMessage(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    // Blocks are always sent so that buttons of the previous version disappear.
    await this.call('chat.update', () =>
      this.client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: fallbackText(message), blocks: toBlocks(message), link_names: false }),
    );
  }

  /** Opens a modal (message shortcut). The trigger id is only valid for 3 s, so this is called right after ack. */
  async openView(triggerId: string, view: webApi.ViewsOpenArguments['view']): Promise<void> {
    await this.call('views.open', () => this.client.views.open({ trigger_id: triggerId, view }));
  }

  /** A short-lived ephemeral note to one member in a channel (button replies, report receipts). */
  async postEphemeral(channelId: string, userId: string, message: OutgoingMessage): Promise<void> {
    await this.call('chat.postEphemeral', () =>
      this.client.chat.postEphemeral({ channel: channelId, user: userId, text: fallbackText(message), blocks: toBlocks(message), link_names: false }),
    );
  }

  private async loadChannelList(): Promise<Map<string, ChannelInfo>> {
    const byName = new Map<string, ChannelInfo>();
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const res = await this.call('conversations.list', () =>
        this.client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, cursor }),
      );
      for (const c of (res.channels ?? []) as SlackChannel[]) {
        if (!c.id || !c.name) continue;
        const info = toChannelInfo(c);
        byName.set(normaliseName(c.name), info);
        this.channels.set(info.id, info);
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    this.channelList = { at: this.clock.now(), byName };
    return byName;
  }

  async findChannelByName(name: string): Promise<ChannelInfo | undefined> {
    const wanted = normaliseName(name);
    if (wanted === '') return undefined;
    const fresh = this.channelList && this.clock.now() - this.channelList.at < 5 * MINUTE;
    let byName = fresh && this.channelList ? this.channelList.byName : await this.loadChannelList();
    let hit = byName.get(wanted);
    // A channel created (or the bot invited) since the last listing: look again, at most every 30 s.
    if (!hit && this.channelList && this.clock.now() - this.channelList.at > 30_000) {
      byName = await this.loadChannelList();
      hit = byName.get(wanted);
    }
    return hit;
  }

  async getChannel(channelId: string): Promise<ChannelInfo | undefined> {
    const cached = this.channels.get(channelId);
    if (cached) return cached;
    try {
      const res = await this.client.conversations.info({ channel: channelId });
      if (!res.channel) return undefined;
      const info = toChannelInfo(res.channel as SlackChannel);
      this.channels.set(channelId, info);
      return info;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw toPlatformError('conversations.info', err);
    }
  }

  async getUser(userId: string): Promise<UserInfo | undefined> {
    const cached = this.users.get(userId);
    if (cached) return cached;
    try {
      const res = await this.client.users.info({ user: userId });
      if (!res.user) return undefined;
      const info = toUserInfo(res.user as SlackUser);
      this.users.set(userId, info);
      return info;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw toPlatformError('users.info', err);
    }
  }

  get botUserId(): string {
    return this.identity.botUserId;
  }

  /** For `/charte oublier @nom`: matches the handle or the display name, over a cached `users.list`. */
  async findUserByName(name: string): Promise<UserInfo | undefined> {
    const wanted = name.trim().replace(/^@/, '').toLowerCase();
    if (wanted === '') return undefined;
    if (!this.userList || this.clock.now() - this.userList.at > 10 * MINUTE) {
      const byName = new Map<string, UserInfo>();
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const res = await this.call('users.list', () => this.client.users.list({ limit: 200, cursor }));
        for (const u of (res.members ?? []) as (SlackUser & { deleted?: boolean })[]) {
          if (!u.id || u.deleted) continue;
          const info = toUserInfo(u);
          this.users.set(u.id, info);
          for (const key of [u.name, u.profile?.display_name, u.real_name]) if (key) byName.set(key.toLowerCase(), info);
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      this.userList = { at: this.clock.now(), byName };
    }
    return this.userList.byName.get(wanted);
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const members = await this.members.getOrLoad(channelId, async () => {
      const ids = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        let res: webApi.ConversationsMembersResponse;
        try {
          res = await this.client.conversations.members({ channel: channelId, limit: 1000, cursor });
        } catch (err) {
          if (isNotFound(err)) return ids;
          throw toPlatformError('conversations.members', err);
        }
        for (const id of res.members ?? []) ids.add(id);
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return ids;
    });
    return members.has(userId);
  }

  async isBotInChannel(channelId: string): Promise<boolean> {
    // Asked rarely (start-up, committee posts) and it changes when someone invites the bot: never cached.
    try {
      const res = await this.client.conversations.info({ channel: channelId });
      return Boolean((res.channel as SlackChannel | undefined)?.is_member);
    } catch (err) {
      if (isNotFound(err)) return false;
      throw toPlatformError('conversations.info', err);
    }
  }

  async permalink(channelId: string, messageId: string): Promise<string | undefined> {
    try {
      const res = await this.client.chat.getPermalink({ channel: channelId, message_ts: messageId });
      return res.permalink ?? undefined;
    } catch (err) {
      this.log.debug({ err: toPlatformError('chat.getPermalink', err).message }, 'no permalink');
      return buildSlackPermalink(this.identity.teamUrl, channelId, messageId);
    }
  }

  /** A link built locally from the workspace URL, for incoming messages (no API call). */
  localPermalink(channelId: string, ts: string, threadTs?: string): string | undefined {
    return buildSlackPermalink(this.identity.teamUrl, channelId, ts, threadTs);
  }

  async resolvePermalink(link: string): Promise<{ channelId: string; messageId: string; text: string; authorId: string } | undefined> {
    const ref = parseSlackPermalink(link);
    if (!ref) return undefined;
    const teamHost = this.identity.teamUrl ? safeHost(this.identity.teamUrl) : undefined;
    if (teamHost && teamHost.endsWith('.slack.com') && ref.host !== teamHost) return undefined;
    const pick = (messages: SlackMessage[] | undefined) => messages?.find((m) => m.ts === ref.ts);
    try {
      let found: SlackMessage | undefined;
      if (!ref.threadTs) {
        const res = await this.client.conversations.history({ channel: ref.channelId, latest: ref.ts, oldest: ref.ts, inclusive: true, limit: 1 });
        found = pick(res.messages as SlackMessage[] | undefined);
      }
      if (!found) {
        // Thread replies are not in the channel history: ask the thread.
        const res = await this.client.conversations.replies({ channel: ref.channelId, ts: ref.threadTs ?? ref.ts, latest: ref.ts, oldest: ref.ts, inclusive: true, limit: 2 });
        found = pick(res.messages as SlackMessage[] | undefined);
      }
      if (!found) return undefined;
      return { channelId: ref.channelId, messageId: ref.ts, text: found.text ?? '', authorId: found.user ?? found.bot_id ?? '' };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw toPlatformError('conversations.history', err);
    }
  }

  /** The root of a thread, for telling a solicited answer from a pitch. Undefined when it is gone. */
  async threadParent(channelId: string, threadTs: string): Promise<ThreadParent | undefined> {
    const key = `${channelId}:${threadTs}`;
    const cached = this.parents.get(key);
    if (cached) return cached;
    try {
      const res = await this.client.conversations.replies({ channel: channelId, ts: threadTs, limit: 1, inclusive: true });
      const root = (res.messages as SlackMessage[] | undefined)?.find((m) => m.ts === threadTs);
      if (!root) return undefined;
      const parent: ThreadParent = { id: threadTs, text: root.text ?? '', authorId: root.user ?? root.bot_id };
      this.parents.set(key, parent);
      return parent;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw toPlatformError('conversations.replies', err);
    }
  }

  /** Health: does Slack still accept our token? Cached for 30 s so probes don't eat the rate limit. */
  private lastCheck?: { at: number; ok: boolean; detail?: string };
  async check(): Promise<{ ok: boolean; detail?: string }> {
    if (this.lastCheck && this.clock.now() - this.lastCheck.at < 30_000) return { ok: this.lastCheck.ok, detail: this.lastCheck.detail };
    let result: { ok: boolean; detail?: string };
    try {
      const res = await this.probe.auth.test();
      result = { ok: res.ok === true, detail: res.ok ? undefined : 'auth.test refused' };
    } catch (err) {
      result = { ok: false, detail: toPlatformError('auth.test', err).message };
    }
    this.lastCheck = { at: this.clock.now(), ...result };
    return result;
  }
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
