import { executeCommand } from '../../commands/execute-command.js';
import type { BotCore } from '../bot-core.js';
import { describeError } from '../errors.js';
import { postToCommittee } from './committee-output.js';
import { handleAction } from './handle-action.js';
import { handleMessage } from './handle-message.js';
import { handleReport } from './handle-report.js';
import { localDay, localHour, DAY_MS } from './local-time.js';
import { createModerationContext, type ModerationContext, type ModerationDeps } from './moderation-context.js';
import { runDigest } from './run-digest.js';

export type { ModerationDeps } from './moderation-context.js';

/** The platform-free bot: what every adapter calls. See `BotCore` for the contract of each method. */
export function createModerationBot(deps: ModerationDeps): BotCore {
  const ctx = createModerationContext(deps);
  return {
    start: () => start(ctx),
    handleMessage: (message) => handleMessage(ctx, message),
    handleMessageDeleted: async (event) => {
      const incident = await ctx.store.findIncidentByMessage(event.platform, event.channelId, event.messageId);
      if (!incident || incident.status !== 'open') return;
      await ctx.store.saveIncident({ ...incident, status: 'closed', closedBy: 'deleted', repostText: undefined, updatedAt: ctx.clock.now() });
      ctx.log.info({ incidentId: incident.id }, 'incident closed: message deleted');
    },
    handleCommand: (command) => executeCommand(ctx, command),
    handleAction: (action) => handleAction(ctx, action),
    handleReport: async (report) => {
      try {
        return await handleReport(ctx, report);
      } catch (err) {
        ctx.log.error({ err: describeError(err) }, 'report failed');
        const text = ctx.locale === 'en' ? 'Oops, I couldn’t pass this on (technical problem). Try again in a moment. 🙏' : 'Oups, je n’ai pas pu transmettre (problème technique). Réessaie dans un instant. 🙏';
        return { visibility: 'ephemeral', message: { text } };
      }
    },
    tick: () => tick(ctx),
  };
}

async function start(ctx: ModerationContext): Promise<void> {
  await ctx.resolveChannels();
  const { annonces, committee } = ctx.channels;
  if (!annonces) {
    ctx.log.warn({ annoncesChannel: ctx.config.annoncesChannel }, `annonces channel "${ctx.config.annoncesChannel}" not found: create it (ANNONCES_CHANNEL) so reminders can point to it`);
  }
  if (!committee) {
    ctx.log.error(
      { committeeChannel: ctx.config.committeeChannel },
      `committee channel "${ctx.config.committeeChannel}" not found: create it as a PRIVATE channel and invite the bot (COMMITTEE_CHANNEL)`,
    );
    return;
  }
  if (!(await ctx.platform.isBotInChannel(committee.id))) {
    ctx.log.error({ committeeChannel: committee.name }, `the bot is not a member of the committee channel "${committee.name}": invite it, or committee lines cannot be posted`);
    return;
  }
  if (committee.kind === 'public') {
    ctx.log.warn(
      { committeeChannel: committee.name },
      `!!! the committee channel "${committee.name}" is PUBLIC: committee lines quote members' messages; make it private !!!`,
    );
    await postToCommittee(ctx, { text: ctx.catalog.committee.publicWarning(ctx.platform.format.channel(committee)) });
  }
  ctx.log.info({ annonces: annonces?.id, committee: committee.id }, 'moderation core started');
}

/** Every minute: the daily digest once its hour has come, and the retention purge once a day. */
async function tick(ctx: ModerationContext): Promise<void> {
  const now = ctx.clock.now();
  const today = localDay(now, ctx.timeZone);
  const stored = await ctx.store.getSettings();
  if (stored.digest && localHour(now, ctx.timeZone) >= stored.digest.hour && stored.lastDigestDay !== today) {
    const { count } = await runDigest(ctx, { force: false });
    ctx.log.info({ count }, 'daily digest done');
  }
  if (stored.lastPurgeDay !== today) {
    const purged = await ctx.store.purgeOlderThan(now - ctx.config.retentionDays * DAY_MS);
    await ctx.store.updateSettings({ lastPurgeDay: today });
    ctx.log.info({ purged, retentionDays: ctx.config.retentionDays }, 'retention purge done');
  }
}
