import { loadConfig } from '../../../src/config/load-config.js';
import type { AdapterContext, HealthReport } from '../../../src/adapters/adapter-context.js';
import type { BotCore } from '../../../src/core/bot-core.js';
import type { ChatPlatform } from '../../../src/core/ports/chat-platform.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { createPlayground, type PlaygroundOptions, type RunningPlayground } from '../../../src/adapters/playground/start-playground.js';
import { FakeBotCore } from './fake-bot-core.js';

export interface TestPlayground {
  running: RunningPlayground;
  core: () => FakeBotCore;
  health: { report: HealthReport };
  post(path: string, body: unknown): Promise<{ status: number; json: any }>;
  state(as: string): Promise<any>;
}

/** Starts the playground on a random port with the fake core (or another core factory). */
export async function startTestPlayground(
  options: PlaygroundOptions = { stateFile: null },
  buildCore: (platform: ChatPlatform) => BotCore = (p) => new FakeBotCore(p),
): Promise<TestPlayground> {
  let core: BotCore | undefined;
  const health = { report: { ok: true, checks: { store: { ok: true } } } as HealthReport };
  const ctx: AdapterContext = {
    config: { ...loadConfig({}), port: 0, storeUrl: 'memory://' },
    log: silentLogger,
    clock: { now: () => Date.now() },
    buildCore: (platform) => (core = buildCore(platform)),
    health: async () => health.report,
  };
  const running = await createPlayground(ctx, options);
  return {
    running,
    health,
    core: () => core as FakeBotCore,
    async post(path, body) {
      const res = await fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    },
    async state(as) {
      const res = await fetch(`${running.url}/api/state?as=${as}`);
      return res.json();
    },
  };
}
