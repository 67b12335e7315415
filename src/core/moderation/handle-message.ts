import { classifyMessage } from '../classifier/classify-message.js';
import type { MessageVerdict } from '../classifier/verdict.js';
import type { IncomingMessage } from '../model.js';
import { emptyAuthor, type Incident } from '../ports/moderation-store.js';
import { decideAction } from '../policy/decide-action.js';
import { closeRepostedIncidents } from './close-reposted-incidents.js';
import { executeDecision, retryOwedCommitteeLine } from './execute-decision.js';
import type { EffectiveSettings, ModerationContext } from './moderation-context.js';

/**
 * How long a handled event id is remembered. It must outlive the longest redelivery window: Slack's
 * Events API retries a failed delivery 3 times over about 5 minutes (`x-slack-retry-num`), Socket Mode
 * re-sends unacked envelopes, Mattermost's websocket replays missed events after a reconnect. A day
 * covers all of them with room to spare while keeping the claim keys few.
 */
export const EVENT_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

/** Longest text we classify: past this, a message is cut (huge pastes must not stall the detector). */
const MAX_CLASSIFIED_CHARS = 20_000;

/** `${platform}:${eventId}`, or the message id plus its edit time when the platform gives no event id. */
export function claimKeyOf(message: IncomingMessage): string {
  const id = message.eventId ?? (message.isEdit ? `${message.id}:edit:${message.at}` : message.id);
  return `${message.platform}:${id}`;
}

export async function handleMessage(ctx: ModerationContext, message: IncomingMessage): Promise<void> {
  const log = ctx.log.child({ platform: message.platform, channelId: message.channel.id, messageId: message.id });
  // Cheap, stateless filters first, so DMs and bot chatter never cost a store write.
  if (message.channel.kind === 'dm' || message.channel.kind === 'group' || message.author.isBot) {
    log.debug({ kind: message.channel.kind, isBot: message.author.isBot }, 'message skipped');
    return;
  }
  if (typeof message.text !== 'string' || message.text.trim() === '') return;

  const text = message.text.slice(0, MAX_CLASSIFIED_CHARS);
  await ctx.resolveChannels();
  const settings = await ctx.settings();
  const inAnnonces = isAnnonces(ctx, message);
  // Most messages are clean, and a clean new message outside #annonces needs nothing from the store:
  // nothing is sent, so there is nothing to deduplicate. Classifying before the claim spares the store
  // a round trip for them (most of a busy workspace's traffic). Edits and #annonces posts can change
  // stored incidents, so they always take the claim.
  let verdict: MessageVerdict | undefined;
  if (!inAnnonces && !message.isEdit) {
    verdict = classifyMessage(text, { parentText: message.thread?.text, threshold: settings.threshold });
    if (!needsAction(verdict)) {
      log.info({ decision: 'ignore', reason: 'clean', score: verdict.score, isEdit: false }, 'message decided');
      log.debug({ text }, 'message body');
      return;
    }
  }

  const key = claimKeyOf(message);
  // Asked together with the claim, so a networked store answers both in one round trip; the answer
  // is only used once the claim is won. (A failure here surfaces where it is awaited.)
  const existing = ctx.store.findIncidentByMessage(message.platform, message.channel.id, message.id);
  existing.catch(() => undefined);
  if (!(await ctx.store.claimEvent(key, EVENT_CLAIM_TTL_MS))) {
    log.debug({ key }, 'duplicate delivery ignored');
    return;
  }
  try {
    await processMessage(ctx, { ...message, text }, { settings, inAnnonces, verdict, existing }, log);
  } catch (err) {
    // Release the claim so the platform's redelivery can retry: never lose an event. The DM path saves
    // its incident right after sending, so a retry never reminds twice.
    await ctx.store.releaseEvent(key).catch((releaseErr: unknown) => {
      log.error({ err: String(releaseErr) }, 'could not release event claim');
    });
    throw err;
  }
}

/** A promotion or a conduct flag: anything the bot or the committee would act on. */
const needsAction = (verdict: MessageVerdict): boolean => verdict.promotional || verdict.conduct.flags.length > 0;

function isAnnonces(ctx: ModerationContext, message: IncomingMessage): boolean {
  const annonces = ctx.channels.annonces;
  return (annonces !== undefined && message.channel.id === annonces.id) || message.channel.name === ctx.config.annoncesChannel;
}

interface Prepared {
  settings: EffectiveSettings;
  inAnnonces: boolean;
  /** Already computed when the message went through the clean fast path's check. */
  verdict: MessageVerdict | undefined;
  existing: Promise<Incident | undefined>;
}

async function processMessage(ctx: ModerationContext, message: IncomingMessage, prepared: Prepared, log: ModerationContext['log']): Promise<void> {
  const { settings } = prepared;
  const annonces = ctx.channels.annonces;
  if (prepared.inAnnonces) {
    const closed = await closeRepostedIncidents(ctx, message);
    if (closed > 0) log.info({ closed }, 'incidents closed: reposted in annonces');
    return;
  }

  const existing = await prepared.existing;
  if (existing && (await retryOwedCommitteeLine(ctx, existing))) {
    log.info({ incidentId: existing.id }, 'owed committee line posted on redelivery');
    return;
  }
  const verdict = prepared.verdict ?? classifyMessage(message.text, { parentText: message.thread?.text, threshold: settings.threshold });
  // Most messages are clean: their author's history cannot change the decision, so skip the read.
  const author = needsAction(verdict) ? await ctx.store.getAuthor(message.author.id) : emptyAuthor(message.author.id);
  const decision = decideAction({
    channel: message.channel,
    author: message.author,
    botUserId: ctx.platform.botUserId,
    annoncesChannel: { id: annonces?.id, name: ctx.config.annoncesChannel },
    committeeChannel: { id: ctx.channels.committee?.id, name: ctx.config.committeeChannel },
    exemptChannelIds: settings.exemptChannels.map((c) => c.id),
    verdict,
    alreadyHandled: existing !== undefined,
    mode: settings.mode,
    grace: settings.grace,
    now: ctx.clock.now(),
    cooldownMs: ctx.config.cooldownDays * 86_400_000,
    reminders: settings.mode === 'actif' ? author.reminders : author.observedReminders,
    recidiveAlertedAt: author.recidiveAlertedAt,
  });
  log.info(
    { decision: decision.kind, reason: decision.kind === 'ignore' ? decision.reason : undefined, score: verdict.score, isEdit: message.isEdit },
    'message decided',
  );
  log.debug({ text: message.text }, 'message body');
  await executeDecision(ctx, decision, { message, verdict, author, settings });
}
