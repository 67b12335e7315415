import type { Logger } from '../../core/ports/logger.js';

/**
 * `@mattermost/client`'s WebSocketClient reports its state changes with `console.log` ("websocket
 * connecting to …", "websocket closed: …"), and on an error reply it prints the whole frame, which can
 * hold a member's message. On a bot whose stdout is a JSON log stream that is noise and a privacy leak,
 * so while an intake runs `console.log` goes to the structured log at debug level, cut short.
 * Reference-counted: the original is put back when the last intake stops.
 */
let users = 0;
let original: typeof console.log | undefined;

const MAX_NOTE = 300;

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function routeSdkConsole(log: Logger): () => void {
  if (users++ === 0) {
    original = console.log;
    console.log = (...args: unknown[]) => {
      log.debug({ source: 'mattermost-client', note: args.map(describe).join(' ').slice(0, MAX_NOTE) }, 'mattermost client note');
    };
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users === 0 && original) {
      console.log = original;
      original = undefined;
    }
  };
}
