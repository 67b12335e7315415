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

/**
 * A `ws` socket typed as the DOM WebSocket the client expects. Its error events are slimmed to
 * `{type, message}`: the client `console.log`s the whole event, and a `ws` ErrorEvent drags the socket,
 * its request and buffers along (hundreds of lines per reconnect).
 */
export function newNodeWebSocket(url: string): globalThis.WebSocket {
  const ws = new WebSocket(url);
  const accessor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onerror');
  if (accessor?.get && accessor.set) {
    const { get, set } = accessor;
    Object.defineProperty(ws, 'onerror', {
      configurable: true,
      get: () => get.call(ws),
      set: (fn: ((e: { type: string; message: string }) => void) | null) =>
        set.call(ws, fn && ((e: { message?: string }) => fn({ type: 'error', message: e.message ?? 'websocket error' }))),
    });
  }
  return ws as unknown as globalThis.WebSocket;
}

/** The HTTP status of a Client4 failure (`ClientError.status_code`), or undefined for network errors. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'status_code' in err) {
    const s = (err as { status_code?: unknown }).status_code;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}
