import { match } from 'ts-pattern';
import type { MessageVerdict } from '../classifier/verdict.js';
import { renderCommitteeLine, verdictButtons } from '../messages/render-committee-line.js';
import { pickVariant, renderReminder } from '../messages/render-reminder.js';
import { excerptOf, truncate } from '../messages/neutralize-mentions.js';
import type { IncomingMessage, OutgoingMessage } from '../model.js';
import type { AuthorRecord, Incident, IncidentAction } from '../ports/moderation-store.js';
import type { Decision } from '../policy/decision.js';
import { RECIDIVE_WINDOW_MS } from '../policy/decide-action.js';
import { newIncidentId, postIncidentLine, postToCommittee } from './committee-output.js';
import { dayAsDate } from './local-time.js';
import type { EffectiveSettings, ModerationContext } from './moderation-context.js';

export interface DecisionInput {
  message: IncomingMessage;
  verdict: MessageVerdict;
  author: AuthorRecord;
  settings: EffectiveSettings;
}

const REPOST_MAX_CHARS = 4000;

/**
 * Store key of the per-author reminder claim (see `remind`). It names the author's state as read (the
 * last reminder before this one, 0 for none), so two instances that read the same state compete for
 * the same key, and the next reminder, after the cooldown, competes for a new one.
 */
export function reminderLockKey(platform: string, authorId: string, reminders: readonly number[]): string {
  return `remind:${platform}:${authorId}:${reminders.length === 0 ? 0 : Math.max(...reminders)}`;
}

/** Only needs to cover the moment between reading the author's record and saving the reminder. */
const REMINDER_LOCK_TTL_MS = 10 * 60 * 1000;

/** Carries out a `Decision`: every kind is handled (ts-pattern `.exhaustive()`). */
export async function executeDecision(ctx: ModerationContext, decision: Decision, input: DecisionInput): Promise<void> {
  await match(decision)
    .with({ kind: 'ignore' }, async () => {})
    .with({ kind: 'remind' }, (d) => remind(ctx, input, d.grace, d.recidive))
    .with({ kind: 'observe-would-remind' }, (d) => observeWouldRemind(ctx, input, d.grace, d.recidive))
    .with({ kind: 'record-repeat' }, (d) => recordRepeat(ctx, input, d.lastReminderAt, d.grace, 'record-repeat'))
    .with({ kind: 'observe-repeat' }, (d) => recordRepeat(ctx, input, d.lastReminderAt, false, 'observe-repeat'))
    .with({ kind: 'notify-conduct' }, () => notifyConduct(ctx, input))
    .exhaustive();
}

function baseIncident(ctx: ModerationContext, input: DecisionInput, action: IncidentAction, grace: boolean): Incident {
  const { message, verdict, settings } = input;
  const now = ctx.clock.now();
  return {
    id: newIncidentId(),
    kind: action === 'notify-conduct' ? 'conduct' : 'promotion',
    platform: message.platform,
    channelId: message.channel.id,
    channelName: message.channel.name,
    messageId: message.id,
    authorId: message.author.id,
    authorName: message.author.name,
    permalink: message.permalink,
    excerpt: excerptOf(message.text),
    reasons: action === 'notify-conduct' ? [...verdict.conduct.reasons, ...verdict.reasons] : verdict.reasons,
    score: verdict.score,
    action,
    grace,
    status: 'open',
    contested: false,
    // In digest mode the line waits for the daily summary instead of being posted now.
    digested: settings.digest ? false : undefined,
    createdAt: now,
    updatedAt: now,
  };
}

async function withPermalink(ctx: ModerationContext, message: IncomingMessage): Promise<IncomingMessage> {
  if (message.permalink) return message;
  try {
    return { ...message, permalink: await ctx.platform.permalink(message.channel.id, message.id) };
  } catch {
    return message; // a link is a nicety; never fail the reminder for it
  }
}

function reminderFor(ctx: ModerationContext, incident: Incident, input: DecisionInput, variant: number, grace: boolean): OutgoingMessage {
  return renderReminder({
    catalog: ctx.catalog,
    format: ctx.platform.format,
    locale: ctx.locale,
    variant,
    reasons: incident.reasons,
    annonces: ctx.channels.annonces ?? { id: ctx.config.annoncesChannel, name: ctx.config.annoncesChannel },
    charterUrl: ctx.config.charterUrl,
    graceDate: grace && input.settings.launchDate ? ctx.catalog.date(dayAsDate(input.settings.launchDate), ctx.timeZone) : undefined,
    incidentId: incident.id,
  });
}

/**
 * Attaches the committee line to the incident before anything is sent (`committeeText` +
 * `committeeDue`), so that a redelivery after a failure can post it without redoing the DM. In digest
 * mode nothing is owed now: `tick()` groups the day's incidents into one summary.
 */
function withCommitteeLine(ctx: ModerationContext, incident: Incident, action: string, due: boolean): Incident {
  const line = renderCommitteeLine({ catalog: ctx.catalog, format: ctx.platform.format, locale: ctx.locale, incident, action });
  return { ...incident, committeeText: line.text, committeeDue: due };
}

async function postOwedLine(ctx: ModerationContext, incident: Incident): Promise<void> {
  if (!incident.committeeDue || !incident.committeeText) return;
  await postIncidentLine(ctx, incident, { text: incident.committeeText, buttons: verdictButtons(ctx.catalog, incident.id) });
}

async function alertRecidive(ctx: ModerationContext, input: DecisionInput, reminders: number[]): Promise<void> {
  const now = ctx.clock.now();
  const count = reminders.filter((t) => now - t < RECIDIVE_WINDOW_MS).length;
  const who = ctx.platform.format.user({ id: input.message.author.id, name: input.message.author.name });
  await postToCommittee(ctx, { text: ctx.catalog.committee.recidive(who, count) });
  const author = await ctx.store.getAuthor(input.message.author.id);
  await ctx.store.saveAuthor({ ...author, recidiveAlertedAt: now });
}

async function remind(ctx: ModerationContext, input: DecisionInput, grace: boolean, recidive: boolean): Promise<void> {
  // Open the DM while the store answers: one round trip less before the member gets the tip. Harmless if
  // the lock below goes to another instance (opening a DM posts nothing); a failure shows up at the send.
  ctx.platform.openDirectMessage?.(input.message.author.id).catch(() => undefined);
  await ctx.resolveChannels();
  const message = await withPermalink(ctx, input.message);
  const variant = pickVariant(`${message.channel.id}:${message.id}`, input.author.lastVariant, ctx.catalog.reminder.openers.length);
  const base = { ...baseIncident(ctx, { ...input, message }, 'remind', grace), repostText: truncate(message.text, REPOST_MAX_CHARS) };
  // During the launch grace period the committee is not alerted.
  const incident = withCommitteeLine(ctx, base, ctx.catalog.committee.actionReminded, !grace && !input.settings.digest);
  const dm = reminderFor(ctx, incident, input, variant, grace);
  // Several instances on one store may handle two posts of the same author at the same moment: both
  // read "no recent reminder". An atomic claim on that author's state lets one of them DM; the other
  // records a repeat. Single-instance, it agrees with the cooldown the policy already checked.
  const lockKey = reminderLockKey(message.platform, message.author.id, input.author.reminders);
  if (!(await ctx.store.claimEvent(lockKey, REMINDER_LOCK_TTL_MS))) {
    await recordRepeat(ctx, input, ctx.clock.now(), grace, 'record-repeat');
    return;
  }
  // Order matters for exactly-once: the DM is the one effect we must never repeat, so the incident
  // (which makes a redelivery "already handled") is saved right after it, before anything else can fail.
  try {
    incident.dmRef = await ctx.platform.sendDirectMessage(message.author.id, dm);
  } catch (err) {
    await ctx.store.releaseEvent(lockKey).catch(() => undefined);
    throw err;
  }
  await ctx.store.saveIncident(incident);
  // Re-read: saving the incident added it to the author's record.
  const author = await ctx.store.getAuthor(message.author.id);
  // The incident's own time, so «Ce n'était pas de la pub» can take exactly this reminder back.
  const reminders = [...author.reminders, incident.createdAt];
  await ctx.store.saveAuthor({ ...author, name: message.author.name, reminders, lastVariant: variant });
  await postOwedLine(ctx, incident);
  if (recidive) await alertRecidive(ctx, input, reminders);
}

async function observeWouldRemind(ctx: ModerationContext, input: DecisionInput, grace: boolean, recidive: boolean): Promise<void> {
  await ctx.resolveChannels();
  const message = await withPermalink(ctx, input.message);
  const variant = pickVariant(`${message.channel.id}:${message.id}`, input.author.lastVariant, ctx.catalog.reminder.openers.length);
  const base = baseIncident(ctx, { ...input, message }, 'observe-would-remind', grace);
  const dm = reminderFor(ctx, base, input, variant, grace);
  let action = ctx.catalog.committee.actionWouldRemind(dm.text.replace(/\n+/g, ' '));
  if (grace) action = `${action} (${ctx.catalog.committee.graceNote})`;
  // Observation is the committee's own dry run: it sees every would-be reminder, even in the grace period.
  const incident = withCommitteeLine(ctx, base, action, !input.settings.digest);
  await ctx.store.saveIncident(incident);
  const author = await ctx.store.getAuthor(message.author.id);
  const observedReminders = [...author.observedReminders, incident.createdAt];
  await ctx.store.saveAuthor({ ...author, name: message.author.name, observedReminders, lastVariant: variant });
  await postOwedLine(ctx, incident);
  if (recidive) await alertRecidive(ctx, input, observedReminders);
}

async function recordRepeat(
  ctx: ModerationContext,
  input: DecisionInput,
  lastReminderAt: number,
  grace: boolean,
  action: 'record-repeat' | 'observe-repeat',
): Promise<void> {
  const message = await withPermalink(ctx, input.message);
  const last = ctx.catalog.date(new Date(lastReminderAt), ctx.timeZone);
  const text = action === 'record-repeat' ? ctx.catalog.committee.actionRepeat(last) : ctx.catalog.committee.actionWouldRepeat(last);
  // Grace period: recorded only, the committee is not alerted.
  const incident = withCommitteeLine(ctx, baseIncident(ctx, { ...input, message }, action, grace), text, !grace && !input.settings.digest);
  await ctx.store.saveIncident(incident);
  await postOwedLine(ctx, incident);
}

async function notifyConduct(ctx: ModerationContext, input: DecisionInput): Promise<void> {
  const message = await withPermalink(ctx, input.message);
  // Conduct problems are rare and serious: posted at once, even in digest mode; never a DM.
  const base = { ...baseIncident(ctx, { ...input, message }, 'notify-conduct', false), digested: undefined };
  const incident = withCommitteeLine(ctx, base, '', true);
  await ctx.store.saveIncident(incident);
  await postOwedLine(ctx, incident);
}

/** Redelivery of a message whose committee line could not be posted last time: post it now. */
export async function retryOwedCommitteeLine(ctx: ModerationContext, incident: Incident): Promise<boolean> {
  if (!incident.committeeDue || incident.committeeRef) return false;
  await postOwedLine(ctx, incident);
  return true;
}
