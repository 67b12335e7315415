import type { ChatPlatform } from '../core/ports/chat-platform.js';
import type { BotMetrics } from './metrics-registry.js';

/**
 * Counts what the bot says: a DM carrying the «Publier dans #annonces» button is a reminder; anything
 * posted in the committee channel is a committee line. The committee channel id is learnt when the core
 * resolves it by name at start-up.
 */
export function instrumentPlatform(platform: ChatPlatform, metrics: BotMetrics, committeeChannelName: string): ChatPlatform {
  let committeeId: string | undefined;
  return {
    name: platform.name,
    format: platform.format,
    async sendDirectMessage(userId, message) {
      const ref = await platform.sendDirectMessage(userId, message);
      if (message.buttons?.some((b) => b.action === 'repost_annonces')) metrics.reminders.inc();
      return ref;
    },
    async postToChannel(channelId, message, options) {
      const ref = await platform.postToChannel(channelId, message, options);
      if (committeeId !== undefined && channelId === committeeId) metrics.committeeLines.inc();
      return ref;
    },
    updateMessage: (ref, message) => platform.updateMessage(ref, message),
    async findChannelByName(name) {
      const channel = await platform.findChannelByName(name);
      if (channel && name.replace(/^[#~]/, '').toLowerCase() === committeeChannelName.toLowerCase()) committeeId = channel.id;
      return channel;
    },
    getChannel: (id) => platform.getChannel(id),
    getUser: (id) => platform.getUser(id),
    isChannelMember: (c, u) => platform.isChannelMember(c, u),
    isBotInChannel: (c) => platform.isBotInChannel(c),
    permalink: (c, m) => platform.permalink(c, m),
    resolvePermalink: (link) => platform.resolvePermalink(link),
  };
}
