import type { AdapterContext, HealthReport, RunningAdapter, StartAdapter } from '../adapters/adapter-context.js';
import type { AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import type { BotCore } from '../core/bot-core.js';
import { warmUpDetector } from '../core/classifier/classify-message.js';
import { describeError } from '../core/errors.js';
import { createModerationBot } from '../core/moderation/create-moderation-bot.js';
import type { ChatPlatform } from '../core/ports/chat-platform.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { runTask } from '../core/run-task.js';
import { createLogger } from '../logging/create-logger.js';
import { instrumentCore } from '../ops/instrument-core.js';
import { instrumentPlatform } from '../ops/instrument-platform.js';
import { BotMetrics } from '../ops/metrics-registry.js';
import { withRetries } from '../ops/retry-platform.js';
import { createStore } from '../store/create-store.js';

/** Housekeeping cadence: the digest hour and the retention purge are checked every minute. */
const TICK_MS = 60_000;

export interface RunningBot {
  config: AppConfig;
  url?: string;
  metrics: BotMetrics;
  /** Graceful stop: intake first, then in-flight work, then the store. */
  stop(): Promise<void>;
}

export interface StartBotOptions {
  env?: Record<string, string | undefined>;
  log?: Logger;
  clock?: Clock;
}

async function loadAdapter(kind: AppConfig['platform']['kind']): Promise<StartAdapter> {
  switch (kind) {
    case 'slack':
      return (await import('../adapters/slack/start-slack.js')).startSlack;
    case 'mattermost':
      return (await import('../adapters/mattermost/start-mattermost.js')).startMattermost;
    case 'playground':
      return (await import('../adapters/playground/start-playground.js')).startPlayground;
  }
}

/**
 * The composition root: config → logger → store → adapter (which builds its platform and asks for the
 * core) → housekeeping timer. Throws `ConfigError` / `StoreError` with a message for the person starting it.
 */
export async function startBot(options: StartBotOptions = {}): Promise<RunningBot> {
  const config = loadConfig(options.env ?? process.env);
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  for (const warning of config.warnings) log.warn({}, warning);

  const { store, close: closeStore } = await createStore(config.storeUrl, log.child({ module: 'store' }));
  // Before the first event can arrive: the first members' messages should not pay for compiling it.
  warmUpDetector();
  const metrics = new BotMetrics();
  let core: BotCore | undefined;

  const ctx: AdapterContext = {
    config,
    log: log.child({ platform: config.platform.kind }),
    clock,
    buildCore(platform: ChatPlatform): BotCore {
      // Slack's WebClient already waits out 429s and retries 5xx (see slack-web-client.ts); stacking our
      // retries on top would only multiply attempts during an outage. Client4 has none of its own.
      const retrying = config.platform.kind === 'slack' ? platform : withRetries(platform, log.child({ module: 'retry' }));
      const steady = instrumentPlatform(retrying, metrics, config.core.committeeChannel);
      const bot = createModerationBot({ platform: steady, store, clock, log: log.child({ module: 'core' }), config: config.core });
      core = instrumentCore(bot, metrics, clock);
      return core;
    },
    async health(): Promise<HealthReport> {
      try {
        await store.ping();
        return { ok: true, checks: { store: { ok: true } } };
      } catch (err) {
        return { ok: false, checks: { store: { ok: false, detail: describeError(err).message } } };
      }
    },
    metrics: () => metrics.render(),
  };

  let adapter: RunningAdapter;
  try {
    adapter = await (await loadAdapter(config.platform.kind))(ctx);
  } catch (err) {
    await closeStore().catch(() => undefined);
    throw err;
  }

  let ticking = false;
  const timer = setInterval(() => {
    // One tick at a time: a slow digest must not overlap the next minute's.
    if (!core || ticking) return;
    ticking = true;
    runTask(
      core.tick().finally(() => {
        ticking = false;
      }),
      { log, description: 'tick' },
    );
  }, TICK_MS);
  timer.unref();

  let stopping: Promise<void> | undefined;
  return {
    config,
    url: adapter.url,
    metrics,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await adapter.stop();
        await closeStore();
      })();
      return stopping;
    },
  };
}
