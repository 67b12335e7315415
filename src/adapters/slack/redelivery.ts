import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import { runTask } from '../../core/run-task.js';

/** After the first failure: a few seconds, then half a minute, two minutes, ten minutes. */
export const DEFAULT_REDELIVERY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000];

/**
 * We ack Slack before working (3-second rule), so Slack will not redeliver an event whose handling
 * failed later (store or Web API down after its own retries). This queue plays Slack's part: it
 * re-runs the work with growing delays. The core released its exactly-once claim when it threw, and
 * saves an incident right after each DM, so a re-run never reminds twice.
 */
export class Redelivery {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly log: Logger,
    private readonly delaysMs: readonly number[] = DEFAULT_REDELIVERY_DELAYS_MS,
  ) {}

  /** Runs `work`; on failure schedules re-runs. Resolves after the first attempt, whatever its outcome. */
  async run(key: string, work: () => Promise<void>, attempt = 0): Promise<void> {
    try {
      await work();
      if (attempt > 0) this.log.info({ key, attempt }, 'Slack event handled on a later attempt');
    } catch (err) {
      const delay = this.delaysMs[attempt];
      if (delay === undefined || this.stopped) {
        this.log.error({ key, attempts: attempt + 1, err: describeError(err) }, 'Slack event given up after repeated failures');
        return;
      }
      this.log.warn({ key, attempt: attempt + 1, retryInMs: delay, err: describeError(err) }, 'Slack event failed; will try again');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        runTask(this.run(key, work, attempt + 1), { log: this.log, description: `redeliver ${key}` });
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Drops what is still waiting (logged, so an operator knows what a restart lost). */
  stop(): void {
    this.stopped = true;
    if (this.timers.size > 0) this.log.warn({ dropped: this.timers.size }, 'Slack events still waiting for a retry were dropped at shutdown');
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
