import { PlatformError } from '../core/errors.js';
import type { ChatPlatform } from '../core/ports/chat-platform.js';
import type { Logger } from '../core/ports/logger.js';
import { decoratePlatform } from './decorate-platform.js';

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** HTTP status of an error thrown by an SDK (Client4's `status_code`, fetch-style `status`, …). */
function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as Record<string, unknown>;
  for (const key of ['status_code', 'statusCode', 'status']) if (typeof e[key] === 'number') return e[key] as number;
  return e.cause !== undefined ? statusOf(e.cause) : undefined;
}

/** Whether a failed call is worth another try: rate limited (429) or a server error (5xx), never a 4xx. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof PlatformError && err.code === 'RATE_LIMITED') return true;
  const status = statusOf(err);
  return status === 429 || (status !== undefined && status >= 500);
}

function retryAfterMsOf(err: unknown): number | undefined {
  if (err instanceof PlatformError && err.retryAfterMs !== undefined) return err.retryAfterMs;
  return undefined;
}

/**
 * Retries platform calls that failed with 429 or 5xx, waiting `Retry-After` when the platform gave one,
 * else exponential backoff. Bounded: after `attempts` the error goes up, so the event is not marked
 * handled and the platform may redeliver it.
 */
export function withRetries(platform: ChatPlatform, log: Logger, options: RetryOptions = {}): ChatPlatform {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function retry<T>(call: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (attempt >= attempts || !isRetryable(err)) throw err;
        const waitMs = Math.min(max, retryAfterMsOf(err) ?? base * 2 ** (attempt - 1));
        log.warn({ call, attempt, waitMs, status: statusOf(err) }, 'platform call failed, retrying');
        await sleep(waitMs);
      }
    }
  }

  return decoratePlatform(platform, (method, _args, invoke) => retry(method, invoke));
}
