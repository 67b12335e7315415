import { truncate } from '../messages/neutralize-mentions.js';
import { renderWhere } from '../messages/render-committee-line.js';
import type { Incident } from '../ports/moderation-store.js';
import { postToCommittee } from './committee-output.js';
import { DAY_MS, localDay } from './local-time.js';
import type { ModerationContext } from './moderation-context.js';

const ACTION_FR: Record<Incident['action'], string> = {
  remind: 'rappel en MP',
  'record-repeat': 'répétition, pas de MP',
  'observe-would-remind': 'aurait reçu un rappel',
  'observe-repeat': 'répétition (observation)',
  'notify-conduct': 'conduite',
  report: 'signalement',
};
const ACTION_EN: Record<Incident['action'], string> = {
  remind: 'DM reminder',
  'record-repeat': 'repeat, no DM',
  'observe-would-remind': 'would have been reminded',
  'observe-repeat': 'repeat (observation)',
  'notify-conduct': 'conduct',
  report: 'report',
};

/**
 * The daily summary: incidents since the last summary that were not posted one by one (digest mode),
 * or, when asked with `/charte resume`, everything of the last 24 hours. Marks them digested.
 */
export async function runDigest(ctx: ModerationContext, options: { force: boolean }): Promise<{ count: number; posted: boolean }> {
  const now = ctx.clock.now();
  const stored = await ctx.store.getSettings();
  const since = Math.max(stored.lastDigestAt ?? 0, now - (options.force ? DAY_MS : 7 * DAY_MS));
  const all = await ctx.store.listIncidents(options.force ? now - DAY_MS : since, now);
  const incidents = options.force ? all : all.filter((i) => i.digested === false);
  const f = ctx.platform.format;
  const labels = ctx.locale === 'en' ? ACTION_EN : ACTION_FR;
  let posted = false;
  if (incidents.length > 0 || options.force) {
    const lines = incidents.slice(0, 40).map((i) => {
      const who = f.user({ id: i.authorId, name: i.authorName });
      return `• ${who} · ${renderWhere(f, i)} · « ${f.escape(truncate(i.excerpt, 100))} » · ${labels[i.action]}`;
    });
    const more = incidents.length > 40 ? [`… +${incidents.length - 40}`] : [];
    const text = incidents.length === 0 ? ctx.catalog.digest.empty : [ctx.catalog.digest.title(incidents.length), ...lines, ...more].join('\n');
    posted = (await postToCommittee(ctx, { text })) !== undefined;
  }
  for (const i of incidents) if (i.digested === false) await ctx.store.saveIncident({ ...i, digested: true, committeeDue: false });
  await ctx.store.updateSettings({ lastDigestAt: now, lastDigestDay: localDay(now, ctx.timeZone) });
  return { count: incidents.length, posted };
}
