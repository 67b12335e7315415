import { match } from 'ts-pattern';
import { describeError } from '../core/errors.js';
import type { CommandResult, IncomingCommand } from '../core/model.js';
import { isCommitteeMember } from '../core/moderation/is-committee-member.js';
import type { ModerationContext } from '../core/moderation/moderation-context.js';
import { commandTextsFor, type CommandTexts } from '../core/messages/command-texts.js';
import { executeCommitteeCommand } from './committee-commands.js';
import { executeMemberCommand } from './member-commands.js';
import { COMMITTEE_COMMANDS, parseCommand, type MalformedCommand, type ParsedCommand } from './parse-command.js';
import { executeSettingsCommand } from './settings-commands.js';

export const ephemeral = (text: string): CommandResult => ({ visibility: 'ephemeral', message: { text } });

export function usageOf(texts: CommandTexts, command: MalformedCommand, locale: 'fr' | 'en'): string {
  const en = locale === 'en';
  return match(command)
    .with('test', () => texts.testUsage)
    .with('report', () => texts.reportUsage)
    .with('mode', () => texts.modeUsage)
    .with('exempt', () => texts.channelUsage(en ? 'exempt' : 'exempter'))
    .with('include', () => texts.channelUsage(en ? 'include' : 'inclure'))
    .with('threshold', () => texts.thresholdUsage)
    .with('digest-setting', () => texts.digestUsage)
    .with('launch', () => texts.launchUsage)
    .with('committee-post', () => texts.committeeUsage)
    .with('forget', () => texts.forgetUsage)
    .exhaustive();
}

/**
 * `/charte …`: parse → check rights → execute → result. Committee membership is asked to the platform
 * on every call (never cached, never trusted from the client). Expected problems become a friendly
 * text; a real failure (store down) is logged and answered with an apology, never a trace.
 */
export async function executeCommand(ctx: ModerationContext, command: IncomingCommand): Promise<CommandResult> {
  const texts = commandTextsFor(ctx.locale);
  const parsed = parseCommand(command.text);
  const log = ctx.log.child({ command: parsed.name, userId: command.user.id });
  try {
    const committee = COMMITTEE_COMMANDS.has(parsed.name) || parsed.name === 'help' ? await isCommitteeMember(ctx, command.user.id) : false;
    if (COMMITTEE_COMMANDS.has(parsed.name) && !committee) {
      log.info({}, 'committee command refused');
      return ephemeral(texts.refused);
    }
    const result = await route(ctx, texts, parsed, command, committee);
    log.info({}, 'command executed');
    return result;
  } catch (err) {
    log.error({ err: describeError(err) }, 'command failed');
    return ephemeral(texts.error);
  }
}

async function route(ctx: ModerationContext, texts: CommandTexts, parsed: ParsedCommand, command: IncomingCommand, committee: boolean): Promise<CommandResult> {
  switch (parsed.name) {
    case 'unknown':
      return ephemeral(texts.help({ committee }));
    case 'malformed':
      return ephemeral(usageOf(texts, parsed.command, ctx.locale));
    case 'help':
    case 'charter':
    case 'tuto':
    case 'test':
    case 'report':
    case 'my-data':
      return executeMemberCommand(ctx, texts, parsed, command, committee);
    case 'mode':
    case 'exempt':
    case 'include':
    case 'threshold':
    case 'digest-setting':
    case 'launch':
      return executeSettingsCommand(ctx, texts, parsed, command);
    case 'stats':
    case 'digest-now':
    case 'committee-post':
    case 'forget':
      return executeCommitteeCommand(ctx, texts, parsed, command);
  }
}
