import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { answerWebApi } from './fake-web-api.js';

/**
 * A local Slack on 127.0.0.1 that speaks the real protocol: the Web API (`POST /api/<method>`, form or
 * JSON, `{ok:true,…}` answers shaped like Slack's), `response_url` posts, and a Socket Mode WebSocket
 * reached through `apps.connections.open`. It records every call so tests can assert what the bot did.
 */

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  members: string[];
  messages: FakeMessage[];
}

export interface FakeMessage {
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown[];
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
  profile: { display_name: string; real_name: string };
}

export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  auth?: string;
}

export interface InjectedFailure {
  status: number;
  retryAfter?: number;
  /** Slack-level error (`{ok:false,error}`) with status 200 instead of an HTTP failure. */
  error?: string;
}

export const BOT = { userId: 'U0CHARTE', botId: 'B0CHARTE', appId: 'A0CHARTE' };
export const TEAM = { id: 'T0CAE', domain: 'cae-exemple', url: 'https://cae-exemple.slack.com/' };

function user(id: string, name: string, display: string, isBot = false): FakeUser {
  return { id, name, real_name: display, is_bot: isBot, profile: { display_name: display, real_name: display } };
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, FakeUser>();
  /** Failures to serve before answering normally, per method, consumed in order. */
  readonly failures = new Map<string, InjectedFailure[]>();
  /** Page size for list methods, small so pagination is exercised. */
  pageSize = 2;
  readonly socketAcks: Record<string, unknown>[] = [];

  private server?: Server;
  private wss?: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private tsCounter = 0;
  private ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();
  port = 0;

  constructor() {
    this.addUser(user(BOT.userId, 'charte-bot', 'charte-bot', true));
    this.addUser(user('U0ALICE', 'alice', 'Alice Martin'));
    this.addUser(user('U0BRUNO', 'bruno', 'Bruno Comité'));
    this.addUser(user('U0CHLOE', 'chloe', 'Chloé Accompagnement'));
    this.addChannel({ id: 'C0GENERAL', name: 'general', is_private: false, members: ['U0ALICE', 'U0BRUNO', 'U0CHLOE', BOT.userId] });
    this.addChannel({ id: 'C0ANNONCES', name: 'annonces', is_private: false, members: ['U0ALICE', 'U0BRUNO', BOT.userId] });
    this.addChannel({ id: 'C0RANDOM', name: 'random', is_private: false, members: ['U0ALICE', BOT.userId] });
    this.addChannel({ id: 'C0ENTRAIDE', name: 'entraide', is_private: false, members: ['U0ALICE', 'U0CHLOE', BOT.userId] });
    this.addChannel({ id: 'G0COMITE', name: 'comite-charte', is_private: true, members: ['U0BRUNO', BOT.userId] });
  }

  addUser(u: FakeUser): void {
    this.users.set(u.id, u);
  }

  addChannel(c: Omit<FakeChannel, 'messages'> & { messages?: FakeMessage[] }): FakeChannel {
    const channel = { messages: [], ...c };
    this.channels.set(c.id, channel);
    return channel;
  }

  /** Adds a message as if a member had posted it (for thread parents and permalinks). */
  seedMessage(channelId: string, message: FakeMessage): void {
    this.channels.get(channelId)?.messages.push(message);
  }

  failNext(method: string, ...failures: InjectedFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  respondUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every message the bot posted or edited (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
  everythingPosted(): string {
    const api = this.calls.filter((c) => ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open'].includes(c.method)).map((c) => c.args);
    return JSON.stringify([...api, ...this.responses.map((r) => r.body)]);
  }

  /** Messages the bot posted in a DM with this user. */
  dmsTo(userId: string): FakeCall[] {
    return this.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${userId}`);
  }

  postsIn(channelId: string): FakeCall[] {
    return this.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId);
  }

  nextTs(): string {
    this.tsCounter += 1;
    return `1700000${String(this.tsCounter).padStart(3, '0')}.${String(this.tsCounter * 100).padStart(6, '0')}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) {
        socket.destroy();
        return;
      }
      this.wss?.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    // Give the Socket Mode client a moment to close first (stack-notes §5: avoids a noisy error).
    await new Promise((r) => setTimeout(r, 50));
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  // ---- Socket Mode -------------------------------------------------------------------------

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let ack: Record<string, unknown>;
      try {
        ack = JSON.parse(String(data)) as Record<string, unknown>;
      } catch {
        return;
      }
      this.socketAcks.push(ack);
      const waiter = typeof ack.envelope_id === 'string' ? this.ackWaiters.get(ack.envelope_id) : undefined;
      if (waiter) waiter(ack);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: BOT.appId } }));
  }

  get socketConnected(): boolean {
    return this.sockets.size > 0;
  }

  /** Sends an envelope (`events_api`, `slash_commands`, `interactive`) and resolves with the client's ack. */
  sendEnvelope(
    payload: Record<string, unknown>,
    options: { type?: string; envelopeId?: string; retryAttempt?: number; timeoutMs?: number } = {},
  ): Promise<Record<string, unknown>> {
    const envelopeId = options.envelopeId ?? `env-${Math.random().toString(36).slice(2)}`;
    const ws = [...this.sockets][0];
    if (!ws) return Promise.reject(new Error('no Socket Mode client connected'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${envelopeId}`)), options.timeoutMs ?? 5000);
      this.ackWaiters.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.ackWaiters.delete(envelopeId);
        resolve(ack);
      });
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type: options.type ?? 'events_api',
          accepts_response_payload: options.type === 'slash_commands' || options.type === 'interactive',
          retry_attempt: options.retryAttempt ?? 0,
          retry_reason: options.retryAttempt ? 'timeout' : '',
        }),
      );
    });
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0];
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/respond/')) {
      this.responses.push({ path, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      return json(200, { ok: true });
    }
    if (!path.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    this.calls.push({ method, args, auth: req.headers.authorization });
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if (failure.error) return json(200, { ok: false, error: failure.error });
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'Retry-After': String(failure.retryAfter) } : {};
      return json(failure.status, { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }, headers);
    }
    // Like Slack: bot tokens (xoxb-) for the Web API, the app-level token (xapp-) only to open a socket.
    const auth = req.headers.authorization ?? '';
    const wanted = method === 'apps.connections.open' ? 'Bearer xapp-' : 'Bearer xox';
    if (!auth.startsWith(wanted) && method !== 'api.test') return json(200, { ok: false, error: auth ? 'not_allowed_token_type' : 'not_authed' });
    return json(200, answerWebApi(this, method, args));
  }

  channelJson(c: FakeChannel): Record<string, unknown> {
    return {
      id: c.id,
      name: c.name || undefined,
      is_channel: !c.is_private && !c.is_im,
      is_group: Boolean(c.is_private && !c.is_im),
      is_im: Boolean(c.is_im),
      is_mpim: Boolean(c.is_mpim),
      is_private: c.is_private,
      is_archived: false,
      is_member: c.members.includes(BOT.userId),
      num_members: c.members.length,
    };
  }

  page<T>(items: T[], cursor: string | undefined, key: string): Record<string, unknown> {
    const start = cursor ? Number(cursor.replace('page:', '')) : 0;
    const slice = items.slice(start, start + this.pageSize);
    const next = start + this.pageSize < items.length ? `page:${start + this.pageSize}` : '';
    return { [key]: slice, response_metadata: { next_cursor: next } };
  }
}

/** The WebClient sends form bodies with nested values JSON-encoded; some callers send JSON. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = (v.startsWith('[') || v.startsWith('{')) && (k === 'blocks' || k === 'view' || k === 'attachments') ? safeParse(v) : v;
  }
  return out;
}

function safeParse(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export { interactiveBody, postSigned, slackSignature } from './sign-request.js';
