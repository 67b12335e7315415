import type { BotCore } from '../../src/core/bot-core.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { FakeBotCore } from '../adapters/playground/fake-bot-core.js';

/** The core the browser scenario runs against. */
export async function buildScenarioCore(): Promise<(platform: ChatPlatform) => BotCore> {
  return (platform) => new FakeBotCore(platform);
}
