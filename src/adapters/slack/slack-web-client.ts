import { webApi } from '@slack/bolt';
import { PlatformError } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import { keepAliveFetch } from './keep-alive-fetch.js';
import { toSlackLogger } from './slack-logger.js';

export type RetryConfig = webApi.RetryOptions;

/**
 * Waits out 429s (the client honours `Retry-After` itself because `rejectRateLimitedCalls` is false) and
 * retries 5xx and network failures with backoff: about six attempts within a minute, so an event is
 * neither dropped on a hiccup nor held for the SDK's default half hour.
 */
export const SLACK_RETRY_CONFIG: RetryConfig = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 20_000, randomize: true };

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The Web API base URL must end with a slash or the SDK glues the method name onto the last path segment. */
export function normaliseApiUrl(apiUrl: string | undefined): string {
  const url = apiUrl?.trim() || DEFAULT_SLACK_API_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

export function slackClientOptions(apiUrl: string | undefined, log: Logger, retryConfig: RetryConfig = SLACK_RETRY_CONFIG): webApi.WebClientOptions {
  return {
    slackApiUrl: normaliseApiUrl(apiUrl),
    retryConfig,
    rejectRateLimitedCalls: false,
    logger: toSlackLogger(log.child({ component: 'slack-web-api' })),
    timeout: 15_000,
    fetch: keepAliveFetch as unknown as webApi.WebClientOptions['fetch'],
  };
}

export function createSlackWebClient(token: string, apiUrl: string | undefined, log: Logger, retryConfig?: RetryConfig): webApi.WebClient {
  return new webApi.WebClient(token, slackClientOptions(apiUrl, log, retryConfig));
}

/** Slack error codes that mean "no such thing (or the bot can't see it)" rather than a failure. */
const NOT_FOUND_CODES = new Set([
  'channel_not_found',
  'user_not_found',
  'message_not_found',
  'thread_not_found',
  'not_in_channel',
  'is_archived',
  'users_not_found',
]);

/** The Slack error code of a Web API failure (`channel_not_found`, `ratelimited`…), when there is one. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const data = (err as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function isNotFound(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && NOT_FOUND_CODES.has(code);
}

/** Wraps an SDK error in the core's `PlatformError`, keeping the Slack code and never the payload. */
export function toPlatformError(call: string, err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; message?: string };
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return new PlatformError(`Slack ${call}: rate limited`, { cause: err, code: 'RATE_LIMITED', retryAfterMs: (e.retryAfter ?? 1) * 1000 });
  }
  const slackCode = slackErrorCode(err);
  if (slackCode !== undefined) {
    return new PlatformError(`Slack ${call} failed: ${slackCode}`, { cause: err, code: NOT_FOUND_CODES.has(slackCode) ? 'NOT_FOUND' : 'PLATFORM_ERROR' });
  }
  if (typeof e?.statusCode === 'number') return new PlatformError(`Slack ${call} failed: HTTP ${e.statusCode}`, { cause: err });
  return new PlatformError(`Slack ${call} failed: ${e?.message ?? String(err)}`, { cause: err });
}
