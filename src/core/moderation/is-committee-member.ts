import type { ModerationContext } from './moderation-context.js';

/** Committee membership = member of the committee channel, asked to the platform on every call. */
export async function isCommitteeMember(ctx: ModerationContext, userId: string): Promise<boolean> {
  await ctx.resolveChannels();
  const committee = ctx.channels.committee;
  if (!committee) return false;
  return ctx.platform.isChannelMember(committee.id, userId);
}
