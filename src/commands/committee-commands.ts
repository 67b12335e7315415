import type { CommandResult, IncomingCommand } from '../core/model.js';
import type { CommandTexts } from '../core/messages/command-texts.js';
import { postToCommittee } from '../core/moderation/committee-output.js';
import { reminderLockKey } from '../core/moderation/execute-decision.js';
import { DAY_MS } from '../core/moderation/local-time.js';
import type { ModerationContext } from '../core/moderation/moderation-context.js';
import { runDigest } from '../core/moderation/run-digest.js';
import type { ParsedCommand, UserRef } from './parse-command.js';

type CommitteeCommand = Extract<ParsedCommand, { name: 'stats' | 'digest-now' | 'committee-post' | 'forget' }>;

const ephemeral = (text: string): CommandResult => ({ visibility: 'ephemeral', message: { text } });

/** Committee tools: stats, resume, comite, oublier. */
export async function executeCommitteeCommand(
  ctx: ModerationContext,
  texts: CommandTexts,
  parsed: CommitteeCommand,
  command: IncomingCommand,
): Promise<CommandResult> {
  const f = ctx.platform.format;
  switch (parsed.name) {
    case 'stats':
      return ephemeral(await stats(ctx, texts, parsed.days));
    case 'digest-now': {
      await runDigest(ctx, { force: true });
      await ctx.resolveChannels();
      const channel = ctx.channels.committee ? f.channel(ctx.channels.committee) : ctx.config.committeeChannel;
      return ephemeral(ctx.catalog.digest.posted(channel));
    }
    case 'committee-post':
      // The committee's own voice ("réagir avec le profil du comité"): not escaped, so links and
      // formatting work; broadcast mentions are still neutralised by the safe platform.
      await ctx.platform.postToChannel(command.channel.id, { text: texts.committeePost(parsed.text) }, { threadId: command.threadId });
      return ephemeral(texts.committeePosted);
    case 'forget': {
      const userId = await resolveUser(ctx, parsed.user);
      if (!userId) return ephemeral(texts.forgetUnknown(parsed.user.name ?? parsed.user.raw));
      const count = await ctx.store.forgetUser(userId);
      await ctx.store.releaseEvent(reminderLockKey(ctx.platform.name, userId, []));
      const text = texts.forgotten({ who: f.user({ id: userId, name: parsed.user.name ?? userId }), count });
      await postToCommittee(ctx, { text: texts.audit({ who: f.user(command.user), what: text }) });
      return ephemeral(text);
    }
  }
}

async function resolveUser(ctx: ModerationContext, ref: UserRef): Promise<string | undefined> {
  if (ref.id) return ref.id;
  if (!ref.name) return undefined;
  const found = ctx.platform.findUserByName ? await ctx.platform.findUserByName(ref.name) : undefined;
  return found?.id ?? (await ctx.store.findUserIdByName(ref.name));
}

async function stats(ctx: ModerationContext, texts: CommandTexts, days: number): Promise<string> {
  const now = ctx.clock.now();
  const incidents = await ctx.store.listIncidents(now - days * DAY_MS, now);
  const settings = await ctx.settings();
  const count = (pred: (i: (typeof incidents)[number]) => boolean) => incidents.filter(pred).length;
  const perChannel = new Map<string, number>();
  for (const i of incidents) perChannel.set(i.channelName, (perChannel.get(i.channelName) ?? 0) + 1);
  const channels = [...perChannel.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, n]) => `${name} (${n})`)
    .join(', ');
  return texts.stats({
    days,
    total: incidents.length,
    reminded: count((i) => i.action === 'remind'),
    repeats: count((i) => i.action === 'record-repeat'),
    observed: count((i) => i.action === 'observe-would-remind' || i.action === 'observe-repeat'),
    conduct: count((i) => i.kind === 'conduct'),
    reports: count((i) => i.kind === 'report'),
    contested: count((i) => i.contested),
    reposted: count((i) => i.closedBy === 'reposted'),
    falsePositives: count((i) => i.verdict === 'false_positive'),
    confirmed: count((i) => i.verdict === 'confirmed'),
    channels: ctx.platform.format.escape(channels),
    mode: settings.mode,
    threshold: String(settings.threshold),
    launch: settings.launchDate ?? texts.none,
    digest: settings.digest ? `${settings.digest.hour} h` : texts.perCase,
    exempt: settings.exemptChannels.map((c) => c.name).join(', ') || texts.none,
  });
}
