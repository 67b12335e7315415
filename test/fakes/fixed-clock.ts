import type { Clock } from '../../src/core/ports/clock.js';

/** A clock that only moves when told to. Starts at 2026-11-02 10:00 UTC unless given a time. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: number | string = '2026-11-02T10:00:00Z') {
    this.current = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.current;
  }

  set(at: number | string): void {
    this.current = typeof at === 'string' ? Date.parse(at) : at;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}
