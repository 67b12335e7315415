import type { CommandResult, IncomingReport } from '../model.js';
import { excerptOf, truncate } from '../messages/neutralize-mentions.js';
import { renderWhere, verdictButtons } from '../messages/render-committee-line.js';
import type { Incident } from '../ports/moderation-store.js';
import { newIncidentId, postIncidentLine } from './committee-output.js';
import type { ModerationContext } from './moderation-context.js';

const ephemeral = (text: string): CommandResult => ({ visibility: 'ephemeral', message: { text } });

/** A member or support staff reports a message: it goes to the committee, with who reported it and why. */
export async function handleReport(ctx: ModerationContext, report: IncomingReport): Promise<CommandResult> {
  const t = ctx.locale === 'en'
    ? { unknown: 'I could not find that message. Paste its link (“Copy link”) and try again.', thanks: 'Thank you! The ethics committee has your report. 🙏', noReason: '(no reason given)' }
    : { unknown: 'Je ne retrouve pas ce message. Colle son lien (« Copier le lien ») et réessaie.', thanks: 'Merci ! Le comité éthique a bien reçu ton signalement. 🙏', noReason: '(sans motif)' };
  let target = report.message && report.message.text !== undefined && report.message.authorId
    ? { channelId: report.message.channelId, messageId: report.message.messageId, text: report.message.text, authorId: report.message.authorId }
    : undefined;
  if (!target && report.message) {
    const link = await ctx.platform.permalink(report.message.channelId, report.message.messageId).catch(() => undefined);
    target = link ? await ctx.platform.resolvePermalink(link) : undefined;
  }
  if (!target && report.permalink) target = await ctx.platform.resolvePermalink(report.permalink.trim());
  if (!target) return ephemeral(t.unknown);

  const [channel, author, permalink] = await Promise.all([
    ctx.platform.getChannel(target.channelId),
    ctx.platform.getUser(target.authorId),
    report.permalink ? Promise.resolve(report.permalink) : ctx.platform.permalink(target.channelId, target.messageId).catch(() => undefined),
  ]);
  const now = ctx.clock.now();
  const incident: Incident = {
    id: newIncidentId(),
    kind: 'report',
    platform: report.platform,
    channelId: target.channelId,
    channelName: channel?.name ?? target.channelId,
    messageId: target.messageId,
    authorId: target.authorId,
    authorName: author?.name ?? target.authorId,
    permalink,
    excerpt: excerptOf(target.text),
    reasons: [],
    score: 0,
    action: 'report',
    status: 'open',
    contested: false,
    reporterId: report.reporter.id,
    reportReason: truncate(report.reason.trim(), 280),
    createdAt: now,
    updatedAt: now,
  };
  const f = ctx.platform.format;
  const text = ctx.catalog.committee.report({
    reporter: f.user(report.reporter),
    who: f.user({ id: incident.authorId, name: incident.authorName }),
    where: renderWhere(f, incident),
    excerpt: f.escape(incident.excerpt),
    reason: f.escape(incident.reportReason || t.noReason),
  });
  // Reports are explicit human requests: posted at once, even in digest mode.
  await ctx.store.saveIncident({ ...incident, committeeText: text, committeeDue: true });
  await postIncidentLine(ctx, { ...incident, committeeText: text, committeeDue: true }, { text, buttons: verdictButtons(ctx.catalog, incident.id) });
  ctx.log.info({ incidentId: incident.id, channelId: incident.channelId }, 'report sent to the committee');
  return ephemeral(t.thanks);
}
