import type { AdapterContext, HealthReport, RunningAdapter } from '../../../src/adapters/adapter-context.js';
import { startSlack, type StartSlackOptions } from '../../../src/adapters/slack/start-slack.js';
import type { AppConfig } from '../../../src/config/app-config.js';
import { loadConfig } from '../../../src/config/load-config.js';
import type { BotCore } from '../../../src/core/bot-core.js';
import type {
  ActionResult,
  CommandResult,
  IncomingAction,
  IncomingCommand,
  IncomingMessage,
  IncomingReport,
  MessageDeleted,
} from '../../../src/core/model.js';
import type { ChatPlatform } from '../../../src/core/ports/chat-platform.js';
import { silentLogger, type Logger } from '../../../src/core/ports/logger.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Fast retries for tests that are not about retry timing. */
export const FAST_RETRIES = { retries: 3, minTimeout: 5, maxTimeout: 20, factor: 2 };

/** A BotCore that records what the adapter hands it and answers with canned results. */
export class RecordingCore implements BotCore {
  readonly messages: IncomingMessage[] = [];
  readonly deleted: MessageDeleted[] = [];
  readonly commands: IncomingCommand[] = [];
  readonly actions: IncomingAction[] = [];
  readonly reports: IncomingReport[] = [];
  started = 0;
  commandResult: CommandResult = { visibility: 'ephemeral', message: { text: 'Voici l’aide de /charte' } };
  actionResult: ActionResult = { update: { text: 'C’est noté, merci !' }, reply: { text: 'Merci pour le retour' } };
  reportResult: CommandResult = { visibility: 'ephemeral', message: { text: 'Signalement transmis au comité' } };
  platform?: ChatPlatform;
  onMessage?: (m: IncomingMessage) => Promise<void>;

  async start(): Promise<void> {
    this.started += 1;
  }
  async handleMessage(message: IncomingMessage): Promise<void> {
    this.messages.push(message);
    await this.onMessage?.(message);
  }
  async handleMessageDeleted(event: MessageDeleted): Promise<void> {
    this.deleted.push(event);
  }
  async handleCommand(command: IncomingCommand): Promise<CommandResult> {
    this.commands.push(command);
    return this.commandResult;
  }
  async handleAction(action: IncomingAction): Promise<ActionResult> {
    this.actions.push(action);
    return this.actionResult;
  }
  async handleReport(report: IncomingReport): Promise<CommandResult> {
    this.reports.push(report);
    return this.reportResult;
  }
  async tick(): Promise<void> {}
}

export interface Running {
  fake: FakeSlack;
  adapter: RunningAdapter;
  url: string;
  config: AppConfig;
  stop(): Promise<void>;
}

/** Polls until `check` holds (the adapter acks before it works, so effects land a little later). */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets pending work settle, for asserting that nothing more happens. */
export function settle(ms = 300): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function startWithFake(options: {
  env?: Record<string, string>;
  /** Use exactly `env` (plus SLACK_API_URL pointing at the fake), without the harness defaults. */
  onlyEnv?: boolean;
  buildCore: (platform: ChatPlatform, config: AppConfig) => BotCore;
  health?: () => Promise<HealthReport>;
  start?: StartSlackOptions;
  log?: Logger;
  fake?: FakeSlack;
}): Promise<Running> {
  const fake = options.fake ?? new FakeSlack();
  if (!fake.port) await fake.start();
  const defaults = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', HOST: '127.0.0.1' };
  const config = loadConfig({ ...(options.onlyEnv ? {} : defaults), SLACK_API_URL: fake.apiUrl, ...options.env });
  const ctx: AdapterContext = {
    config,
    log: options.log ?? silentLogger,
    clock: { now: () => Date.now() },
    buildCore: (platform) => options.buildCore(platform, config),
    health: options.health ?? (async () => ({ ok: true, checks: { store: { ok: true } } })),
  };
  const adapter = await startSlack(ctx, { retryConfig: FAST_RETRIES, ...options.start });
  return {
    fake,
    adapter,
    url: adapter.url ?? '',
    config,
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}
