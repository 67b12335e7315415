import { pino } from 'pino';
import type { Logger } from '../core/ports/logger.js';

/**
 * JSON logs on stderr (stdout stays free for `classify`'s JSON lines). Secrets never reach the logger:
 * config values are not logged, and `redact` removes the usual token fields if one slips into an object.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'charte-bot' },
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret'], censor: 'REDACTED' },
    },
    destination as pino.DestinationStream,
  ) as unknown as Logger;
}
