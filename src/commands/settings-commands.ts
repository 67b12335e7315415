import type { CommandResult, IncomingCommand } from '../core/model.js';
import type { CommandTexts } from '../core/messages/command-texts.js';
import { postToCommittee } from '../core/moderation/committee-output.js';
import { dayAsDate } from '../core/moderation/local-time.js';
import type { ModerationContext } from '../core/moderation/moderation-context.js';
import type { ChannelRef, ParsedCommand } from './parse-command.js';

type SettingsCommand = Extract<ParsedCommand, { name: 'mode' | 'exempt' | 'include' | 'threshold' | 'digest-setting' | 'launch' }>;

const ephemeral = (text: string): CommandResult => ({ visibility: 'ephemeral', message: { text } });

/** Tells the committee channel who changed what: settings changes are never silent. */
async function audit(ctx: ModerationContext, texts: CommandTexts, command: IncomingCommand, what: string): Promise<void> {
  await postToCommittee(ctx, { text: texts.audit({ who: ctx.platform.format.user(command.user), what }) });
}

async function resolveChannel(ctx: ModerationContext, ref: ChannelRef): Promise<{ id: string; name: string } | undefined> {
  if (ref.id) {
    const found = await ctx.platform.getChannel(ref.id);
    return found ?? (ref.name ? { id: ref.id, name: ref.name } : undefined);
  }
  return ref.name ? ctx.platform.findChannelByName(ref.name) : undefined;
}

/** Committee settings: mode, exempter/inclure, seuil, quotidien, lancement. The stored value wins over config. */
export async function executeSettingsCommand(
  ctx: ModerationContext,
  texts: CommandTexts,
  parsed: SettingsCommand,
  command: IncomingCommand,
): Promise<CommandResult> {
  const f = ctx.platform.format;
  switch (parsed.name) {
    case 'mode': {
      await ctx.store.updateSettings({ mode: parsed.mode });
      const text = texts.modeSet(parsed.mode);
      await audit(ctx, texts, command, text);
      return ephemeral(text);
    }
    case 'exempt':
    case 'include': {
      const channel = await resolveChannel(ctx, parsed.channel);
      if (!channel) return ephemeral(texts.channelNotFound(parsed.channel.name ?? parsed.channel.raw));
      const current = (await ctx.store.getSettings()).exemptChannels ?? [];
      const others = current.filter((c) => c.id !== channel.id);
      await ctx.store.updateSettings({ exemptChannels: parsed.name === 'exempt' ? [...others, { id: channel.id, name: channel.name }] : others });
      const text = parsed.name === 'exempt' ? texts.exempted(f.channel(channel)) : texts.included(f.channel(channel));
      await audit(ctx, texts, command, text);
      return ephemeral(text);
    }
    case 'threshold': {
      await ctx.store.updateSettings({ threshold: parsed.value });
      const text = texts.thresholdSet(String(parsed.value));
      await audit(ctx, texts, command, text);
      return ephemeral(text);
    }
    case 'digest-setting': {
      await ctx.store.updateSettings({ digest: parsed.hour === null ? null : { hour: parsed.hour } });
      const text = texts.digestSet(parsed.hour);
      await audit(ctx, texts, command, text);
      return ephemeral(text);
    }
    case 'launch': {
      const general = await ctx.platform.findChannelByName(ctx.config.generalChannel);
      if (!general) return ephemeral(texts.launchNoGeneral(ctx.config.generalChannel));
      await ctx.resolveChannels();
      const annonces = f.channel(ctx.channels.annonces ?? { id: ctx.config.annoncesChannel, name: ctx.config.annoncesChannel });
      const date = ctx.catalog.date(dayAsDate(parsed.date), ctx.timeZone);
      await ctx.platform.postToChannel(general.id, { text: texts.launchAnnouncement({ annonces, date }) });
      await ctx.store.updateSettings({ launchDate: parsed.date });
      const text = texts.launchSet({ date, channel: f.channel(general) });
      await audit(ctx, texts, command, text);
      return ephemeral(text);
    }
  }
}
