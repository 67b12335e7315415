import { describeError } from './errors.js';
import type { Logger } from './ports/logger.js';

/**
 * Fire-and-forget with a log line on failure: no bare `void promise` in the codebase, so a failed
 * background job (a committee line after a DM, a digest) is always visible in the logs.
 */
export function runTask(task: Promise<unknown>, options: { log: Logger; description: string }): void {
  task.catch((err: unknown) => {
    options.log.error({ err: describeError(err), task: options.description }, 'background task failed');
  });
}
