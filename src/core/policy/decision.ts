import type { ConductFlag } from '../classifier/verdict.js';

/** Why a message was left alone. Logged, never shown to the author. */
export type IgnoreReason =
  | 'direct-message'
  | 'bot'
  | 'annonces-channel'
  | 'committee-channel'
  | 'exempt-channel'
  | 'clean'
  | 'already-handled';

/**
 * What the bot does about one message: data, executed by `executeDecision` with an exhaustive match.
 * `grace`: the launch grace period is on (softer reminder, committee not alerted).
 * `recidive`: this reminder is the third within 30 days; the committee gets one « récidive » alert.
 */
export type Decision =
  | { kind: 'ignore'; reason: IgnoreReason }
  | { kind: 'remind'; grace: boolean; recidive: boolean }
  | { kind: 'observe-would-remind'; grace: boolean; recidive: boolean }
  | { kind: 'record-repeat'; lastReminderAt: number; grace: boolean }
  | { kind: 'observe-repeat'; lastReminderAt: number }
  | { kind: 'notify-conduct'; flags: ConductFlag[] };

export const ignore = (reason: IgnoreReason): Decision => ({ kind: 'ignore', reason });
