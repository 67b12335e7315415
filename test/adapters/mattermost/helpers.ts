import type { AdapterContext, RunningAdapter } from '../../../src/adapters/adapter-context.js';
import { startMattermostWith } from '../../../src/adapters/mattermost/start-mattermost.js';
import type { AppConfig } from '../../../src/config/app-config.js';
import type { BotCore } from '../../../src/core/bot-core.js';
import { defaultCoreConfig } from '../../../src/core/core-config.js';
import type { ChatPlatform } from '../../../src/core/ports/chat-platform.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { silentLogger, type Logger } from '../../../src/core/ports/logger.js';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';

export const COMMAND_TOKEN = 'cmd-token-abcdefghij';

export function mattermostConfig(fake: FakeMattermost, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    platform: { kind: 'mattermost', url: fake.url, token: fake.botToken, team: 'coop', commandToken: COMMAND_TOKEN, publicUrl: 'http://127.0.0.1:1' },
    port: 0,
    host: '127.0.0.1',
    storeUrl: 'memory://',
    logLevel: 'silent',
    core: { ...defaultCoreConfig, generalChannel: 'town-square' },
    warnings: [],
    ...overrides,
  };
}

export interface Harness {
  fake: FakeMattermost;
  adapter: RunningAdapter;
  core: BotCore;
  platform: ChatPlatform;
  botUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the fake server and the adapter against it. `BOT_PUBLIC_URL` must be the adapter's own
 * address for button clicks to come back, so the port is picked first and passed in.
 */
export async function startHarness(makeCore: (platform: ChatPlatform) => BotCore, o: { log?: Logger; config?: Partial<AppConfig> } = {}): Promise<Harness> {
  const fake = await new FakeMattermost().start();
  const port = await freePort();
  const base = mattermostConfig(fake, { port, ...o.config });
  const config: AppConfig = {
    ...base,
    platform: { ...(base.platform as Extract<AppConfig['platform'], { kind: 'mattermost' }>), publicUrl: `http://127.0.0.1:${port}` },
  };
  let core: BotCore | undefined;
  let platform: ChatPlatform | undefined;
  const ctx: AdapterContext = {
    config,
    log: o.log ?? silentLogger,
    clock: systemClock,
    buildCore: (p) => {
      platform = p;
      core = makeCore(p);
      return core;
    },
    health: async () => ({ ok: true, checks: { store: { ok: true } } }),
  };
  const adapter = await startMattermostWith(ctx, { minRetryMs: 50, retryJitterMs: 10, connectTimeoutMs: 5000 });
  return {
    fake,
    adapter,
    core: core!,
    platform: platform!,
    botUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await adapter.stop();
      await fake.stop();
    },
  };
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Polls until `check` returns a truthy value (events cross a real socket, so tests wait for effects). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets in-flight events settle, for tests asserting that nothing happened. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

export async function slash(botUrl: string, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${botUrl}/mattermost/command`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The environment of a bot started against `fake` on `port`: the Mattermost contract variables. */
export function mattermostEnv(fake: FakeMattermost, port: number): Record<string, string> {
  return {
    MATTERMOST_URL: fake.url,
    MATTERMOST_TOKEN: fake.botToken,
    MATTERMOST_TEAM: 'coop',
    MATTERMOST_COMMAND_TOKEN: COMMAND_TOKEN,
    BOT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    STORE_URL: 'memory://',
  };
}
