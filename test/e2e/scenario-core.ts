import { loadConfig } from '../../src/config/load-config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import { createModerationBot } from '../../src/core/moderation/create-moderation-bot.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { systemClock } from '../../src/core/ports/clock.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createStore } from '../../src/store/create-store.js';

let namespace = 0;

/**
 * The real moderation core over the real store factory (`memory://`), configured as a plain
 * `charte-bot start` would be: what the composition root builds, minus the process.
 */
export async function realCoreFactory(env: Record<string, string> = {}): Promise<(platform: ChatPlatform) => BotCore> {
  const config = loadConfig(env).core;
  const { store } = await createStore('memory://', silentLogger, { namespace: `playground-${process.pid}-${++namespace}` });
  return (platform) => createModerationBot({ platform, store, clock: systemClock, log: silentLogger, config });
}
