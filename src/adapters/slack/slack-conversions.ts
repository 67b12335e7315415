import type { ChannelInfo, ChannelKind, UserInfo } from '../../core/model.js';

/** The few fields of Slack's conversation, user and message objects the adapter reads. */
export type SlackChannel = { id?: string; name?: string; is_private?: boolean; is_im?: boolean; is_mpim?: boolean; is_member?: boolean };
export type SlackUser = { id?: string; name?: string; real_name?: string; is_bot?: boolean; profile?: { display_name?: string; real_name?: string } };
export type SlackMessage = { ts?: string; text?: string; user?: string; bot_id?: string };

export function channelKind(c: SlackChannel): ChannelKind {
  if (c.is_im) return 'dm';
  if (c.is_mpim) return 'group';
  return c.is_private ? 'private' : 'public';
}

export function toChannelInfo(c: SlackChannel): ChannelInfo {
  return { id: c.id ?? '', name: c.name ?? '', kind: channelKind(c) };
}

export function toUserInfo(u: SlackUser): UserInfo {
  const name = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || u.id || '';
  return { id: u.id ?? '', name, isBot: Boolean(u.is_bot) || u.id === 'USLACKBOT' };
}

export function normaliseName(name: string): string {
  return name.trim().replace(/^[#~]/, '').toLowerCase();
}
