import type { App, RespondFn } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import { describeError } from '../../core/errors.js';
import type { ChannelInfo, OutgoingMessage, PostedRef, UserInfo } from '../../core/model.js';
import type { Logger } from '../../core/ports/logger.js';
import { ACTION_ID_PATTERN, fallbackText, parseActionId, toBlocks } from './slack-blocks.js';
import type { SlackPlatform } from './slack-platform.js';
import { REPORT_CALLBACK_ID, REPORT_VIEW_ID, readReportSubmission, reportModal, type ReportTarget } from './slack-report-modal.js';
import type { SlackTexts } from './slack-texts.js';

export interface InteractionDeps {
  core: BotCore;
  platform: SlackPlatform;
  log: Logger;
  texts: SlackTexts;
  /** Tracks background work so `stop()` can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
}

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A user as Slack names them in an interactive payload, completed by `users.info` when it answers. */
async function resolveUser(platform: SlackPlatform, id: string, fallbackName: string | undefined, log: Logger): Promise<UserInfo> {
  try {
    const user = await platform.getUser(id);
    if (user) return user;
  } catch (err) {
    log.warn({ err: describeError(err) }, 'users.info failed; using the name from the payload');
  }
  return { id, name: fallbackName ?? id, isBot: false };
}

async function resolveChannel(platform: SlackPlatform, id: string, payloadName: string | undefined, log: Logger): Promise<ChannelInfo> {
  try {
    const channel = await platform.getChannel(id);
    if (channel) return channel;
  } catch (err) {
    log.warn({ err: describeError(err) }, 'conversations.info failed; using the name from the payload');
  }
  // Slack names DMs and private groups generically in slash-command payloads.
  if (payloadName === 'directmessage' || id.startsWith('D')) return { id, name: '', kind: 'dm' };
  if (payloadName === 'privategroup') return { id, name: '', kind: 'private' };
  return { id, name: payloadName ?? '', kind: 'public' };
}

function replyArgs(message: OutgoingMessage) {
  return { text: fallbackText(message), blocks: toBlocks(message) };
}

async function safeRespond(respond: RespondFn | undefined, args: Parameters<RespondFn>[0], log: Logger): Promise<boolean> {
  if (!respond) return false;
  try {
    await respond(args);
    return true;
  } catch (err) {
    log.warn({ err: describeError(err) }, 'response_url post failed');
    return false;
  }
}

/** `/charte …`: acknowledged at once (Slack gives 3 s), answered through `response_url` when the core is done. */
export function registerCommand(app: App, deps: InteractionDeps): void {
  const { core, platform, log, texts } = deps;
  app.command('/charte', async ({ ack, command, respond }) => {
    await ack();
    await deps.track(
      (async () => {
        try {
          const user = await resolveUser(platform, command.user_id, command.user_name, log);
          const channel = await resolveChannel(platform, command.channel_id, command.channel_name, log);
          const result = await core.handleCommand({ platform: 'slack', text: (command.text ?? '').trim(), user, channel });
          const sent = await safeRespond(respond, { response_type: result.visibility, replace_original: false, ...replyArgs(result.message) }, log);
          if (!sent) await platform.postEphemeral(command.channel_id, command.user_id, result.message);
        } catch (err) {
          log.error({ err: describeError(err) }, 'slash command failed');
          await safeRespond(respond, { response_type: 'ephemeral', text: texts.commandFailed }, log);
        }
      })(),
    );
  });
}

/** Button clicks on reminders and committee lines. */
export function registerActions(app: App, deps: InteractionDeps): void {
  const { core, platform, log, texts } = deps;
  app.action(ACTION_ID_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    const payload = body as unknown as Json;
    const clicked = action as unknown as Json;
    const name = parseActionId(String(clicked.action_id ?? ''));
    if (payload.type !== 'block_actions' || !name) return;
    await deps.track(
      (async () => {
        const userJson = (payload.user ?? {}) as Json;
        const userId = str(userJson.id) ?? '';
        const container = (payload.container ?? {}) as Json;
        const messageJson = (payload.message ?? {}) as Json;
        const channelId = str(container.channel_id) ?? str(((payload.channel ?? {}) as Json).id);
        const messageTs = str(container.message_ts) ?? str(messageJson.ts);
        const source: PostedRef | undefined = channelId && messageTs ? { channelId, messageId: messageTs } : undefined;
        try {
          const user = await resolveUser(platform, userId, str(userJson.username) ?? str(userJson.name), log);
          const result = await core.handleAction({ platform: 'slack', action: name, value: String(clicked.value ?? ''), user, source });
          if (result.update) {
            // Ephemeral messages cannot be edited through chat.update, only through their response_url.
            const replaced = container.is_ephemeral === true && (await safeRespond(respond, { replace_original: true, ...replyArgs(result.update) }, log));
            if (!replaced && source) await platform.updateMessage(source, result.update);
          }
          if (result.reply) {
            const sent = await safeRespond(respond, { response_type: 'ephemeral', replace_original: false, ...replyArgs(result.reply) }, log);
            if (!sent && channelId) await platform.postEphemeral(channelId, userId, result.reply);
          }
        } catch (err) {
          log.error({ err: describeError(err), action: name }, 'button action failed');
          await safeRespond(respond, { response_type: 'ephemeral', replace_original: false, text: texts.actionFailed }, log);
        }
      })(),
    );
  });
}

/** Message shortcut «Signaler au comité»: a modal asks for a reason, the submission goes to the core. */
export function registerReport(app: App, deps: InteractionDeps): void {
  const { core, platform, log, texts } = deps;
  app.shortcut(REPORT_CALLBACK_ID, async ({ ack, shortcut }) => {
    await ack();
    const payload = shortcut as unknown as Json;
    if (payload.type !== 'message_action') return;
    const message = (payload.message ?? {}) as Json;
    const channelId = str(((payload.channel ?? {}) as Json).id);
    const ts = str(message.ts) ?? str(payload.message_ts);
    const triggerId = str(payload.trigger_id);
    if (!channelId || !ts || !triggerId) {
      log.warn({}, 'report shortcut without channel, message or trigger; skipped');
      return;
    }
    const target: ReportTarget = { channelId, messageId: ts, authorId: str(message.user), text: typeof message.text === 'string' ? message.text : undefined };
    try {
      await platform.openView(triggerId, reportModal(target, texts));
    } catch (err) {
      log.error({ err: describeError(err) }, 'could not open the report modal');
    }
  });

  app.view(REPORT_VIEW_ID, async ({ ack, view, body }) => {
    const submission = readReportSubmission(view as unknown as Json);
    if (!submission.reason) {
      await ack({ response_action: 'errors', errors: { reason: texts.reasonMissing } });
      return;
    }
    await ack();
    const userJson = ((body as unknown as Json).user ?? {}) as Json;
    const userId = str(userJson.id) ?? '';
    await deps.track(
      (async () => {
        const target = submission.target;
        let outcome: OutgoingMessage;
        try {
          const reporter = await resolveUser(platform, userId, str(userJson.username) ?? str(userJson.name), log);
          const result = await core.handleReport({
            platform: 'slack',
            reporter,
            reason: submission.reason ?? '',
            permalink: target ? platform.localPermalink(target.channelId, target.messageId) : undefined,
            message: target,
          });
          outcome = result.message;
        } catch (err) {
          log.error({ err: describeError(err) }, 'report failed');
          outcome = { text: texts.reportFailed };
        }
        // The modal is closed: tell the reporter where they were, or by DM when that channel refuses.
        try {
          if (!target) throw new Error('no channel to answer in');
          await platform.postEphemeral(target.channelId, userId, outcome);
        } catch {
          await platform.sendDirectMessage(userId, outcome).catch((err: unknown) => log.error({ err: describeError(err) }, 'could not confirm the report'));
        }
      })(),
    );
  });
}
