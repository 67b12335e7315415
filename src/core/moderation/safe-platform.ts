import type { OutgoingMessage } from '../model.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import { neutralizeMentions } from '../messages/neutralize-mentions.js';

function safe(message: OutgoingMessage): OutgoingMessage {
  return { ...message, text: neutralizeMentions(message.text) };
}

/**
 * Wraps the platform so that every text the bot posts, DMs or updates goes through
 * `neutralizeMentions`: a second line of defence behind `format.escape()`, in case a render path forgets
 * to escape a quoted member's text.
 */
export function createSafePlatform(platform: ChatPlatform): ChatPlatform {
  return {
    get name() {
      return platform.name;
    },
    get format() {
      return platform.format;
    },
    get botUserId() {
      return platform.botUserId;
    },
    sendDirectMessage: (userId, message) => platform.sendDirectMessage(userId, safe(message)),
    openDirectMessage: platform.openDirectMessage ? (userId) => platform.openDirectMessage!(userId) : undefined,
    postToChannel: (channelId, message, options) => platform.postToChannel(channelId, safe(message), options),
    updateMessage: (ref, message) => platform.updateMessage(ref, safe(message)),
    findChannelByName: (name) => platform.findChannelByName(name),
    getChannel: (id) => platform.getChannel(id),
    getUser: (id) => platform.getUser(id),
    findUserByName: platform.findUserByName ? (name) => platform.findUserByName!(name) : undefined,
    isChannelMember: (channelId, userId) => platform.isChannelMember(channelId, userId),
    isBotInChannel: (channelId) => platform.isBotInChannel(channelId),
    permalink: (channelId, messageId) => platform.permalink(channelId, messageId),
    resolvePermalink: (link) => platform.resolvePermalink(link),
  };
}
