/** Time as a port, so policy (cooldowns, grace period, digest hour, retention) is testable. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
