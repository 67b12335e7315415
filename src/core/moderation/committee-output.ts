import type { OutgoingMessage, PostedRef } from '../model.js';
import type { Incident } from '../ports/moderation-store.js';
import type { ModerationContext } from './moderation-context.js';

/** Short random id for incidents (button values stay small). */
export function newIncidentId(): string {
  return `inc_${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/**
 * Posts in the committee channel. Returns undefined (and logs) when the channel cannot be found: a
 * missing committee channel is a setup problem that `start()` already reported, not a reason to lose
 * the member-facing work.
 */
export async function postToCommittee(ctx: ModerationContext, message: OutgoingMessage): Promise<PostedRef | undefined> {
  await ctx.resolveChannels();
  const committee = ctx.channels.committee;
  if (!committee) {
    ctx.log.warn({ committeeChannel: ctx.config.committeeChannel }, 'committee channel not found: committee line dropped');
    return undefined;
  }
  return ctx.platform.postToChannel(committee.id, message);
}

/** Posts an incident's committee line and remembers where it went (for the verdict buttons). */
export async function postIncidentLine(ctx: ModerationContext, incident: Incident, message: OutgoingMessage): Promise<Incident> {
  const ref = await postToCommittee(ctx, message);
  const updated: Incident = { ...incident, committeeRef: ref, committeeText: message.text, committeeDue: false, updatedAt: ctx.clock.now() };
  await ctx.store.saveIncident(updated);
  return updated;
}
