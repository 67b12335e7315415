/** Coded errors: expected outcomes are `Decision` values; these are real failures. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'PLATFORM_ERROR'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'STORE_UNAVAILABLE'
  | 'BAD_INPUT';

export class CharteBotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends CharteBotError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

export class PlatformError extends CharteBotError {
  constructor(
    message: string,
    options?: { cause?: unknown; code?: 'PLATFORM_ERROR' | 'RATE_LIMITED' | 'NOT_FOUND'; retryAfterMs?: number },
  ) {
    super(options?.code ?? 'PLATFORM_ERROR', message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs?: number;
}

export class StoreError extends CharteBotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** Turns anything thrown into a loggable `{ code, message }` without leaking payloads. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof CharteBotError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: err.name, message: err.message };
  return { code: 'UNKNOWN', message: String(err) };
}
