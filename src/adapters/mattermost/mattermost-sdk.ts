/**
 * The one place that imports @mattermost/client. Two Node 20 traps live here (stack-notes §4, §8):
 * - the package is CJS whose named exports cjs-module-lexer can't see, so `import { Client4 }` type-checks,
 *   passes under vitest and crashes under plain node: use the default import and destructure;
 * - `WebSocketClient` reads the global `WebSocket.OPEN` and builds `new CloseEvent(...)`, which Node 20 lacks.
 */
import mm from '@mattermost/client';
import WebSocket from 'ws';

export const { Client4, WebSocketClient } = mm;
export type MattermostClient = InstanceType<typeof Client4>;
export type MattermostWebSocket = InstanceType<typeof WebSocketClient>;

/** A CloseEvent good enough for the client's ping-timeout and sequence-mismatch paths. */
class CloseEventPolyfill extends Event {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  constructor(type: string, init: { code?: number; reason?: string; wasClean?: boolean } = {}) {
    super(type);
    this.code = init.code ?? 0;
    this.reason = init.reason ?? '';
    this.wasClean = Boolean(init.wasClean);
  }
}

/** Idempotent: installs `ws` as the global WebSocket and a CloseEvent, only where Node lacks them. */
export function installWebSocketGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  g.WebSocket ??= WebSocket;
  g.CloseEvent ??= CloseEventPolyfill;
}

/** Builds a REST client for one server and token. */
export function createMattermostClient(url: string, token: string): MattermostClient {
  const client = new Client4();
  client.setUrl(url);
  client.setToken(token);
  client.setUserAgent('charte-bot');
  return client;
}

/** A `ws` socket typed as the DOM WebSocket the client expects. */
export function newNodeWebSocket(url: string): globalThis.WebSocket {
  return new WebSocket(url) as unknown as globalThis.WebSocket;
}

/** The HTTP status of a Client4 failure (`ClientError.status_code`), or undefined for network errors. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'status_code' in err) {
    const s = (err as { status_code?: unknown }).status_code;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}
