import { classifyMessage } from '../core/classifier/classify-message.js';
import type { CommandResult, IncomingCommand } from '../core/model.js';
import type { CommandTexts } from '../core/messages/command-texts.js';
import { truncate } from '../core/messages/neutralize-mentions.js';
import { formatReasons, renderReminder } from '../core/messages/render-reminder.js';
import { handleReport } from '../core/moderation/handle-report.js';
import type { ModerationContext } from '../core/moderation/moderation-context.js';
import type { ParsedCommand } from './parse-command.js';

type MemberCommand = Extract<ParsedCommand, { name: 'help' | 'charter' | 'tuto' | 'test' | 'report' | 'my-data' }>;

const ephemeral = (text: string): CommandResult => ({ visibility: 'ephemeral', message: { text } });

async function annoncesRef(ctx: ModerationContext): Promise<string> {
  await ctx.resolveChannels();
  return ctx.platform.format.channel(ctx.channels.annonces ?? { id: ctx.config.annoncesChannel, name: ctx.config.annoncesChannel });
}

/** Commands anyone may use: aide, charte, tuto, test, signaler, mes-donnees. */
export async function executeMemberCommand(
  ctx: ModerationContext,
  texts: CommandTexts,
  parsed: MemberCommand,
  command: IncomingCommand,
  committee: boolean,
): Promise<CommandResult> {
  const f = ctx.platform.format;
  switch (parsed.name) {
    case 'help':
      return ephemeral(texts.help({ committee }));
    case 'charter':
      return ephemeral(
        texts.charter({ annonces: await annoncesRef(ctx), link: ctx.config.charterUrl ? f.link(ctx.config.charterUrl, ctx.config.charterUrl) : undefined }),
      );
    case 'tuto':
      await ctx.platform.sendDirectMessage(command.user.id, { text: texts.tuto({ annonces: await annoncesRef(ctx) }) });
      return ephemeral(texts.tutoSent);
    case 'test':
      return testDraft(ctx, texts, parsed.text);
    case 'report':
      return handleReport(ctx, { platform: command.platform, reporter: command.user, reason: parsed.reason, permalink: parsed.link });
    case 'my-data':
      return myData(ctx, texts, command.user.id);
  }
}

async function testDraft(ctx: ModerationContext, texts: CommandTexts, text: string): Promise<CommandResult> {
  const settings = await ctx.settings();
  const verdict = classifyMessage(text.slice(0, 20_000), { threshold: settings.threshold });
  const f = ctx.platform.format;
  if (verdict.conduct.flags.length > 0) return ephemeral(texts.testConduct(formatReasons(verdict.conduct.reasons, ctx.locale, f, 4)));
  if (!verdict.promotional) return ephemeral(texts.testClean(verdict.score.toFixed(2)));
  await ctx.resolveChannels();
  const reminder = renderReminder({
    catalog: ctx.catalog,
    format: f,
    locale: ctx.locale,
    variant: 0,
    reasons: verdict.reasons,
    annonces: ctx.channels.annonces ?? { id: ctx.config.annoncesChannel, name: ctx.config.annoncesChannel },
    charterUrl: ctx.config.charterUrl,
    incidentId: 'test',
  });
  // A preview only: no buttons (nothing to repost or contest), nothing recorded.
  return ephemeral(texts.testPromo(f.quote(reminder.text)));
}

async function myData(ctx: ModerationContext, texts: CommandTexts, userId: string): Promise<CommandResult> {
  const data = await ctx.store.exportUser(userId);
  const f = ctx.platform.format;
  const lines = data.incidents.map((i) => {
    const day = ctx.catalog.date(new Date(i.createdAt), ctx.timeZone);
    const role = i.authorId === userId ? i.action : 'report';
    return `• ${day} · ${f.channel({ id: i.channelId, name: i.channelName })} · ${role} · « ${f.escape(truncate(i.excerpt, 80))} »`;
  });
  const reminders = data.author?.reminders.length ?? 0;
  return ephemeral(texts.myData({ reminders, lines, retentionDays: ctx.config.retentionDays }));
}
