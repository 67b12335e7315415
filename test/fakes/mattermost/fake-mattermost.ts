import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeMattermostState, newId, type FakeChannel, type FakePost } from './fake-mattermost-state.js';
import { handleRest, type RestCall } from './fake-mattermost-rest.js';

interface Socket {
  ws: WebSocket;
  userId?: string;
  seq: number;
}

/**
 * A local Mattermost for tests: REST v4 (the endpoints the bot uses, JSON answered with the exact
 * `Content-Type: application/json` Client4 parses, `Authorization: BEARER` checked) and the WebSocket
 * at `/api/v4/websocket` (authentication_challenge → OK → `hello` seq 0 → events with seq 1, 2…).
 * Tests drive it as the members would: post, edit, delete, click buttons, cut the socket.
 */
export class FakeMattermost {
  readonly state: FakeMattermostState;
  failedRequests = 0;
  readonly calls: RestCall[] = [];
  /** Every successful authentication_challenge, in order. */
  readonly authentications: Array<{ userId: string; at: number }> = [];
  private readonly sockets = new Set<Socket>();
  private refuseSockets = false;
  private server!: Server;
  private wss!: WebSocketServer;
  url = '';

  constructor(readonly botToken = 'bot-token-0123456789', readonly adminToken = 'admin-token-0123456789') {
    this.state = new FakeMattermostState(botToken, adminToken);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.wss = new WebSocketServer({
      server: this.server,
      path: '/api/v4/websocket',
      verifyClient: (_info, cb) => (this.refuseSockets ? cb(false, 503, 'down for the test') : cb(true)),
    });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  get authenticatedSockets(): number {
    return [...this.sockets].filter((s) => s.userId).length;
  }

  /** Kills every WebSocket and refuses new ones until `restoreWebSockets()`. */
  cutWebSockets(): void {
    this.refuseSockets = true;
    for (const s of this.sockets) s.ws.terminate();
  }

  restoreWebSockets(): void {
    this.refuseSockets = false;
  }

  // ---- what members do ----

  post(username: string, channelName: string, message: string, extra: Partial<FakePost> = {}): FakePost {
    const user = this.state.user(username);
    const channel = this.state.channel(channelName);
    const post = this.state.createPost(user.id, channel.id, message, extra);
    this.broadcastPosted(post, channel);
    return post;
  }

  edit(postId: string, message: string): FakePost {
    const post = this.mustPost(postId);
    const at = this.state.now();
    Object.assign(post, { message, edit_at: at, update_at: at });
    this.broadcast('post_edited', { post: JSON.stringify(post) }, post.channel_id);
    return post;
  }

  remove(postId: string): void {
    const post = this.mustPost(postId);
    const at = this.state.now();
    Object.assign(post, { delete_at: at, update_at: at });
    this.broadcast('post_deleted', { post: JSON.stringify(post), delete_by: post.user_id }, post.channel_id);
  }

  /** Clicks button `index` of a post as Mattermost's server would: POST the integration URL, apply `update`. */
  async click(postId: string, index: number, username: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const post = this.mustPost(postId);
    const attachments = (post.props.attachments ?? []) as Array<{ actions?: Array<{ integration: { url: string; context: unknown } }> }>;
    const action = attachments.flatMap((a) => a.actions ?? [])[index];
    if (!action) throw new Error(`fake: post ${postId} has no button ${index}`);
    const user = this.state.user(username);
    const channel = this.state.channels.get(post.channel_id) as FakeChannel;
    const res = await fetch(action.integration.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        user_id: user.id,
        user_name: user.username,
        channel_id: channel.id,
        channel_name: channel.name,
        team_id: channel.team_id,
        team_domain: this.state.team.name,
        post_id: post.id,
        trigger_id: newId(),
        type: 'button',
        data_source: '',
        context: action.integration.context,
      }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    const update = body.update as { message?: string; props?: Record<string, unknown> } | undefined;
    if (res.ok && update) {
      if (typeof update.message === 'string') post.message = update.message;
      if (update.props) post.props = update.props;
      post.update_at = this.state.now();
    }
    return { status: res.status, body };
  }

  /** What the bot posted in the DM with `username`. */
  dmsTo(username: string): FakePost[] {
    const channel = this.state.directChannel(this.state.bot.id, this.state.user(username).id);
    return this.botPosts().filter((p) => p.channel_id === channel.id);
  }

  /** What the bot posted in a named channel. */
  botPostsIn(channelName: string): FakePost[] {
    const channel = this.state.channel(channelName);
    return this.botPosts().filter((p) => p.channel_id === channel.id);
  }

  botPosts(): FakePost[] {
    return [...this.state.posts.values()].filter((p) => p.user_id === this.state.bot.id);
  }

  // ---- internals ----

  broadcastPosted(post: FakePost, channel: FakeChannel): void {
    const sender = this.state.users.get(post.user_id);
    this.broadcast(
      'posted',
      {
        channel_display_name: channel.display_name,
        channel_name: channel.name,
        channel_type: channel.type,
        post: JSON.stringify(post),
        sender_name: `@${sender?.username ?? ''}`,
        set_online: true,
        team_id: channel.team_id,
      },
      channel.id,
    );
  }

  broadcast(event: string, data: Record<string, unknown>, channelId: string): void {
    for (const s of this.sockets) {
      if (!s.userId || !this.state.isMember(channelId, s.userId)) continue;
      const msg = { event, data, broadcast: { omit_users: null, user_id: '', channel_id: channelId, team_id: '' }, seq: s.seq++ };
      s.ws.send(JSON.stringify(msg));
    }
  }

  private mustPost(postId: string): FakePost {
    const post = this.state.posts.get(postId);
    if (!post) throw new Error(`fake: no post ${postId}`);
    return post;
  }

  private onSocket(ws: WebSocket): void {
    const socket: Socket = { ws, seq: 0 };
    this.sockets.add(socket);
    ws.on('close', () => this.sockets.delete(socket));
    ws.on('message', (raw) => {
      let msg: { action?: string; seq?: number; data?: { token?: string } };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (msg.action === 'authentication_challenge') {
        const userId = this.state.tokens.get(msg.data?.token ?? '');
        if (!userId) {
          ws.send(JSON.stringify({ status: 'FAIL', seq_reply: msg.seq, error: { id: 'api.web_socket_router.not_authenticated.app_error', message: 'invalid token' } }));
          ws.close();
          return;
        }
        ws.send(JSON.stringify({ status: 'OK', seq_reply: msg.seq }));
        socket.userId = userId;
        this.authentications.push({ userId, at: Date.now() });
        ws.send(JSON.stringify({ event: 'hello', data: { connection_id: newId(), server_version: '10.0.0.fake', server_hostname: 'fake' }, broadcast: { omit_users: null, user_id: userId, channel_id: '', team_id: '' }, seq: socket.seq++ }));
        return;
      }
      if (msg.action === 'ping') ws.send(JSON.stringify({ status: 'OK', seq_reply: msg.seq, data: { text: 'pong', version: '10.0.0.fake' } }));
    });
  }

  /** Injected failures: the next `count` requests matching method + path answer `status` (429, 5xx…). */
  private readonly failures: Array<{ method: string; path: RegExp; status: number; left: number }> = [];

  failNext(method: string, path: RegExp, status: number, count = 1): void {
    this.failures.push({ method, path, status, left: count });
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0];
      const failure = this.failures.find((f) => f.left > 0 && f.method === req.method && f.path.test(path));
      if (failure) {
        failure.left -= 1;
        this.failedRequests += 1;
        res.writeHead(failure.status, { 'Content-Type': 'application/json', ...(failure.status === 429 ? { 'Retry-After': '1' } : {}) });
        res.end(JSON.stringify({ id: 'fake.injected', message: `injected ${failure.status}`, status_code: failure.status }));
        return;
      }
      const out = handleRest(this, req, body);
      res.writeHead(out.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(out.body));
    });
  }
}
