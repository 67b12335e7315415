import type { BotCore } from '../../core/bot-core.js';
import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import type { MattermostPlatform } from './mattermost-platform.js';
import { newNodeWebSocket, WebSocketClient, type MattermostClient, type MattermostWebSocket } from './mattermost-sdk.js';
import { parsePost, postToMessage, type MattermostPost } from './post-to-message.js';
import { RecentSet } from './recent-set.js';
import { routeSdkConsole } from './route-sdk-console.js';

export interface IntakeOptions {
  client: MattermostClient;
  platform: MattermostPlatform;
  core: BotCore;
  token: string;
  log: Logger;
  /** The client's own reconnect backoff: first retry after this, growing after 7 failures (default 3 s). */
  minRetryMs?: number;
  /** Random extra delay per retry, so many bots don't reconnect in step (default 2 s). */
  retryJitterMs?: number;
  /** How long to wait for the first authenticated `hello` (default 30 s). */
  connectTimeoutMs?: number;
  /** Delays before retrying an event the core failed on (store down…). */
  retryDelaysMs?: number[];
}

type WsMessage = { event?: string; data?: Record<string, unknown>; seq?: number };
type Kind = 'posted' | 'edited' | 'deleted';

/**
 * WebSocket intake. Uses the client's own reconnect with backoff; after a reconnect, once the new
 * socket says `hello` (i.e. is authenticated), posts made during the gap are fetched per channel with
 * `GET /channels/{id}/posts?since=` and go through the same path. Events are handled one at a time,
 * and an event id already handed to the core is not handed again (the core also dedupes).
 */
export class MattermostIntake {
  private readonly ws: MattermostWebSocket;
  private readonly seen = new RecentSet();
  private chain: Promise<void> = Promise.resolve();
  private lastSeenAt: number;
  private authenticated = false;
  private needsCatchUp = false;
  private stopped = false;
  private downSince: number | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private firstHello: (() => void) | undefined;
  private readonly releaseConsole: () => void;

  constructor(private readonly o: IntakeOptions) {
    this.releaseConsole = routeSdkConsole(o.log);
    // Wall-clock on purpose: `since` is compared with the server's post times, not with policy time.
    this.lastSeenAt = Date.now();
    this.ws = new WebSocketClient({
      newWebSocketFn: newNodeWebSocket,
      minWebSocketRetryTime: o.minRetryMs ?? 3000,
      reconnectJitterRange: o.retryJitterMs ?? 2000,
    });
    this.ws.addMessageListener((msg) => this.onMessage(msg as WsMessage));
    this.ws.addCloseListener((failures) => this.onClose(failures));
    this.ws.addErrorListener((e) => this.o.log.debug({ error: (e as unknown as { message?: string }).message }, 'mattermost websocket error'));
    this.ws.addReconnectListener(() => {
      this.needsCatchUp = true;
    });
    // Needed: without a missed-message listener the client never resets its sequence on a new
    // connection id, sees `hello` seq 0 as a gap and reconnects forever.
    this.ws.addMissedMessageListener(() => {
      this.needsCatchUp = true;
    });
  }

  /** True while an authenticated socket is open. */
  get connected(): boolean {
    return this.authenticated;
  }

  get disconnectedSince(): number | undefined {
    return this.downSince;
  }

  /** Opens the socket; resolves on the first authenticated `hello`. */
  connect(): Promise<void> {
    const url = this.o.client.getWebSocketUrl().replace(/^http/, 'ws');
    const timeoutMs = this.o.connectTimeoutMs ?? 30_000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.firstHello = undefined;
        reject(new Error(`Mattermost: no authenticated WebSocket after ${Math.round(timeoutMs / 1000)} s at ${url}. Check that MATTERMOST_URL is reachable and proxies let WebSockets through.`));
      }, timeoutMs);
      this.firstHello = () => {
        clearTimeout(timer);
        resolve();
      };
      this.ws.initialize(url, this.o.token);
    });
  }

  /** Stops intake, then waits for the events already queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.ws.close();
    // `close()` only closes an OPEN socket; one still connecting would open and re-authenticate.
    const conn = (this.ws as unknown as { conn: WebSocket | null }).conn;
    if (conn) {
      conn.onclose = null;
      conn.onopen = null;
      conn.close();
    }
    this.authenticated = false;
    await this.chain;
    this.releaseConsole();
  }

  private onClose(failures: number): void {
    if (this.authenticated) this.o.log.warn({ failures }, 'mattermost websocket closed, reconnecting');
    this.authenticated = false;
    this.downSince ??= Date.now();
    this.needsCatchUp = true;
  }

  private onMessage(msg: WsMessage): void {
    if (this.stopped) return;
    const data = msg.data ?? {};
    switch (msg.event) {
      case 'hello':
        return this.onHello();
      case 'posted':
        return this.fromSocket('posted', data.post, typeof data.channel_type === 'string' ? data.channel_type : undefined);
      case 'post_edited':
        return this.fromSocket('edited', data.post);
      case 'post_deleted':
        return this.fromSocket('deleted', data.post);
      default:
        return;
    }
  }

  private onHello(): void {
    const wasDown = this.downSince;
    this.authenticated = true;
    this.downSince = undefined;
    this.o.log.info({ reconnected: wasDown !== undefined }, 'mattermost websocket authenticated');
    this.firstHello?.();
    this.firstHello = undefined;
    if (this.needsCatchUp) {
      this.needsCatchUp = false;
      this.catchUp(this.lastSeenAt, 0);
    }
  }

  private fromSocket(kind: Kind, raw: unknown, channelType?: string): void {
    const post = parsePost(raw);
    if (!post) {
      this.o.log.warn({ kind }, 'mattermost event without a readable post, skipped');
      return;
    }
    this.lastSeenAt = Math.max(this.lastSeenAt, post.create_at, post.edit_at, post.update_at, post.delete_at);
    this.enqueue(kind, post, channelType, 0);
  }

  /** Fetches what was posted, edited or deleted since `since` in the team channels the bot is in. */
  private catchUp(since: number, attempt: number): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        const channels = await this.o.client.getMyChannels(this.o.platform.teamId);
        let found = 0;
        for (const channel of channels) {
          if (channel.type !== 'O' && channel.type !== 'P') continue;
          const list = await this.o.client.getPostsSince(channel.id, since);
          const posts = Object.values(list.posts ?? {})
            .map(parsePost)
            .filter((p): p is MattermostPost => p !== undefined)
            .sort((a, b) => a.create_at - b.create_at);
          for (const post of posts) {
            const kind: Kind | undefined =
              post.delete_at > 0 ? 'deleted' : post.create_at > since ? 'posted' : post.edit_at > since ? 'edited' : undefined;
            if (!kind) continue;
            found++;
            this.lastSeenAt = Math.max(this.lastSeenAt, post.create_at, post.edit_at, post.update_at, post.delete_at);
            this.enqueue(kind, post, channel.type, 0);
          }
        }
        this.o.log.info({ since, channels: channels.length, found }, 'mattermost catch-up after reconnect done');
      } catch (err) {
        if (attempt >= 3) {
          this.o.log.error({ err: describeError(err), since }, 'mattermost catch-up failed, posts from the gap are lost');
          return;
        }
        this.o.log.warn({ err: describeError(err), attempt }, 'mattermost catch-up failed, retrying');
        this.later(5000 * (attempt + 1), () => this.catchUp(since, attempt + 1));
      }
    });
  }

  private enqueue(kind: Kind, post: MattermostPost, channelType: string | undefined, attempt: number): void {
    this.chain = this.chain.then(() => this.handle(kind, post, channelType, attempt));
  }

  private async handle(kind: Kind, post: MattermostPost, channelType: string | undefined, attempt: number): Promise<void> {
    if (this.stopped) return;
    const key = kind === 'deleted' ? `deleted:${post.id}` : kind === 'edited' ? `${post.id}:${post.edit_at}` : post.id;
    if (this.seen.has(key)) return;
    try {
      if (kind === 'deleted') {
        if (post.user_id !== this.o.platform.botUserId) {
          await this.o.core.handleMessageDeleted({ platform: 'mattermost', channelId: post.channel_id, messageId: post.id });
        }
      } else {
        const t = await postToMessage(post, this.o.platform, { isEdit: kind === 'edited', channelType });
        if (t.kind === 'skip') {
          this.o.log.debug({ postId: post.id, reason: t.reason }, 'mattermost post skipped');
        } else {
          await this.o.core.handleMessage(t.message);
        }
      }
      this.seen.add(key);
    } catch (err) {
      const delays = this.o.retryDelaysMs ?? [2000, 10_000, 30_000];
      const delay = delays[attempt];
      if (delay === undefined) {
        this.o.log.error({ err: describeError(err), postId: post.id, kind }, 'mattermost event failed, giving up');
        return;
      }
      this.o.log.warn({ err: describeError(err), postId: post.id, kind, attempt }, 'mattermost event failed, will retry');
      this.later(delay, () => this.enqueue(kind, post, channelType, attempt + 1));
    }
  }

  private later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(t);
  }
}
