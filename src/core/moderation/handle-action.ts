import { match } from 'ts-pattern';
import type { ActionResult, IncomingAction } from '../model.js';
import type { CommitteeVerdict, Incident } from '../ports/moderation-store.js';
import { postToCommittee } from './committee-output.js';
import { reminderLockKey } from './execute-decision.js';
import { isCommitteeMember } from './is-committee-member.js';
import type { ModerationContext } from './moderation-context.js';
import { renderWhere, verdictButtons } from '../messages/render-committee-line.js';

const reply = (text: string): ActionResult => ({ reply: { text } });

/** A button was clicked: reminders' buttons belong to their author, verdicts to the committee. */
export async function handleAction(ctx: ModerationContext, action: IncomingAction): Promise<ActionResult> {
  const incident = typeof action.value === 'string' && action.value.length < 100 ? await ctx.store.getIncident(action.value) : undefined;
  ctx.log.info({ action: action.action, incidentId: incident?.id, userId: action.user.id }, 'button clicked');
  if (!incident) return reply(ctx.catalog.actions.gone);
  return match(action.action)
    .with('repost_annonces', () => repost(ctx, incident, action))
    .with('not_promo', () => contest(ctx, incident, action))
    .with('verdict_false_positive', () => verdict(ctx, incident, action, 'false_positive'))
    .with('verdict_confirmed', () => verdict(ctx, incident, action, 'confirmed'))
    .exhaustive();
}

async function repost(ctx: ModerationContext, incident: Incident, action: IncomingAction): Promise<ActionResult> {
  const { catalog, platform } = ctx;
  if (action.user.id !== incident.authorId) return reply(catalog.actions.notYours);
  await ctx.resolveChannels();
  const annonces = ctx.channels.annonces;
  const annoncesRef = platform.format.channel(annonces ?? { id: ctx.config.annoncesChannel, name: ctx.config.annoncesChannel });
  if (incident.closedBy === 'reposted') return { reply: { text: catalog.actions.alreadyDone }, update: { text: catalog.actions.repostUpdate(annoncesRef) } };
  if (!annonces) {
    ctx.log.warn({ annoncesChannel: ctx.config.annoncesChannel }, 'annonces channel not found: cannot repost');
    return reply(catalog.actions.gone);
  }
  // A double click (or a retried interaction) must not post the ad twice: claim the repost first.
  const claim = `${action.platform}:repost:${incident.id}`;
  if (!(await ctx.store.claimEvent(claim, 24 * 60 * 60 * 1000))) return reply(catalog.actions.alreadyDone);
  const who = platform.format.user({ id: incident.authorId, name: incident.authorName });
  const body = platform.format.quote(platform.format.escape(incident.repostText ?? incident.excerpt));
  try {
    await platform.postToChannel(annonces.id, { text: `${catalog.actions.repostHeader(who)}\n${body}` });
  } catch (err) {
    await ctx.store.releaseEvent(claim);
    throw err;
  }
  const closed: Incident = { ...incident, status: 'closed', closedBy: 'reposted', repostText: undefined, updatedAt: ctx.clock.now() };
  await ctx.store.saveIncident(closed);
  if (incident.committeeRef && incident.committeeText) {
    // The committee may still judge the detection: keep the verdict buttons until a verdict is given.
    const text = `${incident.committeeText}\n${catalog.committee.reposted(who)}`;
    await platform.updateMessage(incident.committeeRef, { text, buttons: incident.verdict ? undefined : verdictButtons(catalog, incident.id) });
    await ctx.store.saveIncident({ ...closed, committeeText: text });
  }
  return { reply: { text: catalog.actions.reposted(annoncesRef) }, update: { text: catalog.actions.repostUpdate(annoncesRef) } };
}

async function contest(ctx: ModerationContext, incident: Incident, action: IncomingAction): Promise<ActionResult> {
  const { catalog, platform } = ctx;
  if (action.user.id !== incident.authorId) return reply(catalog.actions.notYours);
  if (incident.contested) return { reply: { text: catalog.actions.alreadyDone }, update: { text: catalog.actions.contestedUpdate } };
  await ctx.store.saveIncident({ ...incident, contested: true, status: 'closed', repostText: undefined, updatedAt: ctx.clock.now() });
  // A contested reminder does not count towards the cooldown or the « récidive » alert.
  const author = await ctx.store.getAuthor(incident.authorId);
  const reminders = author.reminders.filter((t) => t !== incident.createdAt);
  await ctx.store.saveAuthor({
    ...author,
    reminders,
    observedReminders: author.observedReminders.filter((t) => t !== incident.createdAt),
  });
  // The author is back in the state before this reminder: free that state's claim for the next one.
  await ctx.store.releaseEvent(reminderLockKey(incident.platform, incident.authorId, reminders));
  const who = platform.format.user({ id: incident.authorId, name: incident.authorName });
  await postToCommittee(ctx, { text: catalog.committee.contested(who, renderWhere(platform.format, incident)) });
  return { reply: { text: catalog.actions.contestedReply }, update: { text: catalog.actions.contestedUpdate } };
}

async function verdict(ctx: ModerationContext, incident: Incident, action: IncomingAction, value: CommitteeVerdict): Promise<ActionResult> {
  const { catalog, platform } = ctx;
  // Checked server side on every click: the button may have been forwarded or replayed.
  if (!(await isCommitteeMember(ctx, action.user.id))) return reply(catalog.actions.committeeOnly);
  const by = platform.format.user({ id: action.user.id, name: action.user.name });
  await ctx.store.saveIncident({ ...incident, verdict: value, verdictBy: action.user.id, updatedAt: ctx.clock.now() });
  const text = `${incident.committeeText ?? ''}\n${catalog.committee.verdictStored(value, by)}`.trim();
  return { update: { text } };
}
