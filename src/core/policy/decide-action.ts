import type { MessageVerdict } from '../classifier/verdict.js';
import type { ChannelInfo, UserInfo } from '../model.js';
import { ignore, type Decision } from './decision.js';

export const RECIDIVE_WINDOW_MS = 30 * 86_400_000;
export const RECIDIVE_COUNT = 3;

export interface PolicyInput {
  channel: ChannelInfo;
  author: UserInfo;
  /** The bot's own user id, when the platform knows it. */
  botUserId?: string;
  annoncesChannel: { id?: string; name: string };
  committeeChannel: { id?: string; name: string };
  exemptChannelIds: readonly string[];
  verdict: MessageVerdict;
  /** This message (same id) already has an incident: an edit never gets a second reminder. */
  alreadyHandled: boolean;
  mode: 'actif' | 'observation';
  /** Launch grace period on (now is before the launch date). */
  grace: boolean;
  now: number;
  cooldownMs: number;
  /** Reminder timestamps for this author (real ones in actif, shadow ones in observation). */
  reminders: readonly number[];
  recidiveAlertedAt?: number;
}

function sameChannel(channel: ChannelInfo, target: { id?: string; name: string }): boolean {
  return (target.id !== undefined && channel.id === target.id) || channel.name === target.name;
}

/**
 * The whole moderation policy as one pure function (issue 3 §2). Filters run cheapest first: DMs,
 * bots, the allowed and committee channels, exemptions; then conduct (committee only), then promotion
 * with the cooldown and the « récidive » rule.
 */
export function decideAction(input: PolicyInput): Decision {
  const { channel, author, verdict } = input;
  if (channel.kind === 'dm' || channel.kind === 'group') return ignore('direct-message');
  if (author.isBot || (input.botUserId !== undefined && author.id === input.botUserId)) return ignore('bot');
  if (sameChannel(channel, input.annoncesChannel)) return ignore('annonces-channel');
  if (sameChannel(channel, input.committeeChannel)) return ignore('committee-channel');
  if (input.exemptChannelIds.includes(channel.id)) return ignore('exempt-channel');
  if (input.alreadyHandled) return ignore('already-handled');

  if (verdict.conduct.flags.length > 0) return { kind: 'notify-conduct', flags: [...verdict.conduct.flags] };
  if (!verdict.promotional) return ignore('clean');

  const last = input.reminders.length > 0 ? Math.max(...input.reminders) : undefined;
  if (last !== undefined && input.now - last < input.cooldownMs) {
    return input.mode === 'actif'
      ? { kind: 'record-repeat', lastReminderAt: last, grace: input.grace }
      : { kind: 'observe-repeat', lastReminderAt: last };
  }

  const recent = input.reminders.filter((t) => input.now - t < RECIDIVE_WINDOW_MS).length + 1;
  const alertedRecently = input.recidiveAlertedAt !== undefined && input.now - input.recidiveAlertedAt < RECIDIVE_WINDOW_MS;
  const recidive = !input.grace && recent >= RECIDIVE_COUNT && !alertedRecently;
  return input.mode === 'actif'
    ? { kind: 'remind', grace: input.grace, recidive }
    : { kind: 'observe-would-remind', grace: input.grace, recidive };
}
