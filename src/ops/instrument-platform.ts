import type { OutgoingMessage } from '../core/model.js';
import type { ChatPlatform } from '../core/ports/chat-platform.js';
import { decoratePlatform } from './decorate-platform.js';
import type { BotMetrics } from './metrics-registry.js';

/**
 * Counts what the bot says: a DM carrying the «Publier dans #annonces» button is a reminder; anything
 * posted in the committee channel is a committee line. The committee channel id is learnt when the core
 * resolves it by name at start-up.
 */
export function instrumentPlatform(platform: ChatPlatform, metrics: BotMetrics, committeeChannelName: string): ChatPlatform {
  let committeeId: string | undefined;
  const wanted = committeeChannelName.replace(/^[#~]/, '').toLowerCase();
  return decoratePlatform(platform, async (method, args, invoke) => {
    const result = await invoke();
    if (method === 'sendDirectMessage') {
      const message = args[1] as OutgoingMessage;
      if (message.buttons?.some((b) => b.action === 'repost_annonces')) metrics.reminders.inc();
    } else if (method === 'postToChannel') {
      if (committeeId !== undefined && args[0] === committeeId) metrics.committeeLines.inc();
    } else if (method === 'findChannelByName') {
      const channel = result as { id: string } | undefined;
      if (channel && String(args[0]).replace(/^[#~]/, '').toLowerCase() === wanted) committeeId = channel.id;
    }
    return result;
  });
}
