import type { IncomingMessage } from '../model.js';
import type { ModerationContext } from './moderation-context.js';

function words(text: string): Set<string> {
  const normalized = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

/** Share of the incident excerpt's words found in the new post: a repost keeps most of them. */
export function overlap(excerpt: string, text: string): number {
  const a = words(excerpt);
  if (a.size === 0) return 0;
  const b = words(text);
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / a.size;
}

/**
 * A member posted in the annonces channel: their open promotion incidents whose text it repeats are
 * closed (the post found its place), whether they used the button or copied it by hand.
 */
export async function closeRepostedIncidents(ctx: ModerationContext, message: IncomingMessage): Promise<number> {
  const author = await ctx.store.getAuthor(message.author.id);
  let closed = 0;
  for (const id of author.incidentIds) {
    const incident = await ctx.store.getIncident(id);
    if (!incident || incident.kind !== 'promotion' || incident.status !== 'open' || incident.authorId !== message.author.id) continue;
    if (overlap(incident.excerpt, message.text) < 0.6) continue;
    await ctx.store.saveIncident({ ...incident, status: 'closed', closedBy: 'reposted', repostText: undefined, updatedAt: ctx.clock.now() });
    closed++;
  }
  return closed;
}
