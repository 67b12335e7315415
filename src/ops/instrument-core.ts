import type { BotCore } from '../core/bot-core.js';
import type { Clock } from '../core/ports/clock.js';
import type { BotMetrics } from './metrics-registry.js';

/**
 * Wraps the core so every inbound event is counted and timed, without the core knowing about
 * metrics. Errors are counted and re-thrown: the adapter decides about redelivery.
 */
export function instrumentCore(core: BotCore, metrics: BotMetrics, clock: Clock): BotCore {
  async function timed<T>(kind: string, work: () => Promise<T>, observe = false): Promise<T> {
    const started = clock.now();
    try {
      const result = await work();
      metrics.events.inc({ kind, outcome: 'ok' });
      return result;
    } catch (err) {
      metrics.events.inc({ kind, outcome: 'error' });
      metrics.errors.inc({ where: kind });
      throw err;
    } finally {
      if (observe) metrics.latency.observe((clock.now() - started) / 1000);
    }
  }
  return {
    start: () => core.start(),
    tick: () => timed('tick', () => core.tick()),
    handleMessage: (m) => timed('message', () => core.handleMessage(m), true),
    handleMessageDeleted: (e) => timed('message_deleted', () => core.handleMessageDeleted(e)),
    handleCommand: (c) => timed('command', () => core.handleCommand(c)),
    handleAction: (a) => timed('action', () => core.handleAction(a)),
    handleReport: (r) => timed('report', () => core.handleReport(r)),
  };
}
