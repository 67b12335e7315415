import Keyv from 'keyv';
import { loadConfig } from '../../src/config/load-config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import { createModerationBot } from '../../src/core/moderation/create-moderation-bot.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { systemClock } from '../../src/core/ports/clock.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { KeyvModerationStore } from '../../src/core/store/keyv-moderation-store.js';

let namespace = 0;

/** The real moderation core over an in-memory store, configured as a plain `charte-bot start` would be. */
export function realCoreFactory(env: Record<string, string> = {}): (platform: ChatPlatform) => BotCore {
  const config = loadConfig(env).core;
  return (platform) =>
    createModerationBot({
      platform,
      store: new KeyvModerationStore(new Keyv({ namespace: `playground-${process.pid}-${++namespace}` })),
      clock: systemClock,
      log: silentLogger,
      config,
    });
}
