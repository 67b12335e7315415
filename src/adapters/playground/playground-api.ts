import type { BotCore } from '../../core/bot-core.js';
import { describeError } from '../../core/errors.js';
import { isActionName, type IncomingMessage, type OutgoingMessage } from '../../core/model.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { HttpError, stringField } from './http-helpers.js';
import { toChannelInfo, toUserInfo, type PlaygroundPlatform } from './playground-platform.js';
import { BOT_ID, type PlaygroundMember, type PlaygroundMessage, type PlaygroundWorkspace } from './playground-workspace.js';

/** Longest text a member may post; the real platforms allow more, a demo needs less. */
export const MAX_TEXT_LENGTH = 4000;

const COMMAND = /^\/charte(?:\s+([\s\S]*))?$/i;

const NOTICES = {
  fr: { unknownCommand: (c: string) => `La commande ${c} n’existe pas ici. Essayez \`/charte aide\`.` },
  en: { unknownCommand: (c: string) => `There is no ${c} command here. Try \`/charte help\`.` },
};

export interface PlaygroundApiDeps {
  workspace: PlaygroundWorkspace;
  platform: PlaygroundPlatform;
  core: BotCore;
  clock: Clock;
  log: Logger;
  locale: 'fr' | 'en';
  annoncesChannel: string;
}

type Body = Record<string, unknown>;

/**
 * The JSON API behind the page. Each handler checks who is acting and what they may see, turns the
 * request into the core's platform-free events, and applies the core's answer to the workspace.
 */
export class PlaygroundApi {
  constructor(private readonly deps: PlaygroundApiDeps) {}

  state(as: string | null, revision: number): unknown {
    const { workspace } = this.deps;
    const me = this.member(as ?? '');
    return {
      revision,
      locale: this.deps.locale,
      me: me.id,
      committeeChannel: workspace.committeeChannelId,
      generalChannel: workspace.generalChannelId,
      annoncesChannel: this.deps.annoncesChannel,
      members: workspace.members().map(({ id, displayName, title, isBot, committee, staff }) => ({ id, displayName, title, isBot, committee, staff })),
      channels: workspace.channelsVisibleTo(me.id).map(({ id, name, kind, topic }) => ({ id, name, kind, topic })),
      messages: workspace.messagesVisibleTo(me.id).map((m) => ({ ...m, ephemeral: m.visibleTo !== undefined, visibleTo: undefined })),
    };
  }

  async postMessage(body: Body): Promise<{ message?: PlaygroundMessage; warning?: string }> {
    const { workspace } = this.deps;
    const me = this.member(stringField(body, 'as', { required: true }));
    const channel = workspace.channel(stringField(body, 'channel', { required: true }));
    if (!channel || !workspace.isMember(channel.id, me.id)) throw new HttpError(404, 'no_channel', 'No such channel for this member.');
    const text = stringField(body, 'text', { required: true, max: MAX_TEXT_LENGTH }).trim();
    if (text === '') throw new HttpError(400, 'missing_field', '"text" is required.');
    const threadId = this.threadRoot(stringField(body, 'threadId'), channel.id);

    if (text.startsWith('/')) return { message: await this.command(me, channel.id, text, threadId) };

    const message = workspace.addMessage({ channelId: channel.id, authorId: me.id, text, ...(threadId ? { threadId } : {}) });
    return { message, ...(await this.toCore('handleMessage', async () => this.deps.core.handleMessage(await this.incoming(message, false)))) };
  }

  async edit(body: Body): Promise<{ message?: PlaygroundMessage; warning?: string }> {
    const me = this.member(stringField(body, 'as', { required: true }));
    const message = this.ownMessage(me, stringField(body, 'messageId', { required: true }));
    const text = stringField(body, 'text', { required: true, max: MAX_TEXT_LENGTH }).trim();
    if (text === '') throw new HttpError(400, 'missing_field', '"text" is required.');
    if (text === message.text) return { message };
    const updated = this.deps.workspace.updateMessage(message.id, { text, editedAt: this.deps.clock.now() });
    if (!updated) throw new HttpError(404, 'no_message', 'No such message.');
    const result = await this.toCore('handleMessage', async () => this.deps.core.handleMessage(await this.incoming(updated, true)));
    return { ...result, message: updated };
  }

  async remove(body: Body): Promise<{ warning?: string }> {
    const me = this.member(stringField(body, 'as', { required: true }));
    const message = this.ownMessage(me, stringField(body, 'messageId', { required: true }));
    this.deps.workspace.deleteMessage(message.id);
    return this.toCore('handleMessageDeleted', () =>
      this.deps.core.handleMessageDeleted({ platform: 'playground', channelId: message.channelId, messageId: message.id }),
    );
  }

  async action(body: Body): Promise<{ reply?: PlaygroundMessage; updated?: boolean }> {
    const { workspace } = this.deps;
    const me = this.member(stringField(body, 'as', { required: true }));
    const action = stringField(body, 'action', { required: true });
    const value = stringField(body, 'value', { required: true, max: 200 });
    const source = workspace.message(stringField(body, 'messageId', { required: true }));
    if (!source || !workspace.canSee(me.id, source)) throw new HttpError(404, 'no_message', 'No such message for this member.');
    // Only a button that is really on the message can be clicked: no forged actions or values.
    if (!isActionName(action) || !source.buttons?.some((b) => b.action === action && b.value === value)) {
      throw new HttpError(409, 'no_button', 'This button is no longer on the message.');
    }
    const result = await this.deps.core.handleAction({
      platform: 'playground',
      action,
      value,
      user: toUserInfo(me),
      source: { channelId: source.channelId, messageId: source.id },
    });
    if (result.update) await this.deps.platform.updateMessage({ channelId: source.channelId, messageId: source.id }, result.update);
    const reply = result.reply ? this.ephemeral(me.id, source.channelId, result.reply, source.threadId) : undefined;
    return { reply, updated: Boolean(result.update) };
  }

  /**
   * Back to the starting workspace. The bot's store is not the playground's to wipe, so a committee
   * member asks the core to forget each member (`/charte oublier`, public API): cooldowns and cases go,
   * and a member who tries again after a reset gets the reminder again. Committee settings stay.
   */
  async reset(): Promise<{ ok: true; forgotten: number }> {
    const { workspace, core, log } = this.deps;
    workspace.reset();
    const committee = workspace.channel(workspace.committeeChannelId);
    const asker = workspace.members().find((m) => m.committee && committee?.members.includes(m.id));
    let forgotten = 0;
    if (committee && asker) {
      for (const member of workspace.members().filter((m) => !m.isBot)) {
        try {
          await core.handleCommand({ platform: 'playground', text: `oublier @${member.id}`, user: toUserInfo(asker), channel: toChannelInfo(committee) });
          forgotten += 1;
        } catch (err) {
          log.warn({ err: describeError(err), memberId: member.id }, 'the bot could not forget a member on reset');
        }
      }
    }
    log.info({ forgotten }, 'playground workspace reset');
    return { ok: true, forgotten };
  }

  private async command(me: PlaygroundMember, channelId: string, text: string, threadId?: string): Promise<PlaygroundMessage> {
    const match = COMMAND.exec(text);
    if (!match) {
      const name = text.split(/\s/, 1)[0].slice(0, 40);
      return this.ephemeral(me.id, channelId, { text: NOTICES[this.deps.locale].unknownCommand(name) }, threadId);
    }
    const channel = this.deps.workspace.channel(channelId);
    const result = await this.deps.core.handleCommand({
      platform: 'playground',
      text: (match[1] ?? '').trim(),
      user: toUserInfo(me),
      channel: channel ? toChannelInfo(channel) : { id: channelId, name: '', kind: 'public' },
      ...(threadId ? { threadId } : {}),
    });
    if (result.visibility === 'ephemeral') return this.ephemeral(me.id, channelId, result.message, threadId);
    const ref = await this.deps.platform.postToChannel(channelId, result.message, threadId ? { threadId } : undefined);
    return this.deps.workspace.message(ref.messageId) as PlaygroundMessage;
  }

  private ephemeral(memberId: string, channelId: string, message: OutgoingMessage, threadId?: string): PlaygroundMessage {
    return this.deps.workspace.addMessage({
      channelId,
      authorId: BOT_ID,
      text: message.text,
      visibleTo: memberId,
      ...(message.buttons?.length ? { buttons: message.buttons } : {}),
      ...(threadId ? { threadId } : {}),
    });
  }

  private async incoming(message: PlaygroundMessage, isEdit: boolean): Promise<IncomingMessage> {
    const { workspace } = this.deps;
    const channel = workspace.channel(message.channelId);
    const author = workspace.member(message.authorId);
    if (!channel || !author) throw new HttpError(404, 'no_message', 'No such message.');
    const root = message.threadId ? workspace.message(message.threadId) : undefined;
    const permalink = await this.deps.platform.permalink(message.channelId, message.id);
    return {
      platform: 'playground',
      id: message.id,
      eventId: isEdit ? `${message.id}:${message.editedAt}` : message.id,
      channel: toChannelInfo(channel),
      author: toUserInfo(author),
      text: message.text,
      ...(root ? { thread: { id: root.id, text: root.text, authorId: root.authorId } } : {}),
      isEdit,
      at: isEdit ? (message.editedAt ?? message.at) : message.at,
      ...(permalink ? { permalink } : {}),
    };
  }

  /** The core answers; when it fails the member's post stays, and the page says the bot is unavailable. */
  private async toCore(what: string, call: () => Promise<void>): Promise<{ warning?: string }> {
    try {
      await call();
      return {};
    } catch (err) {
      this.deps.log.error({ err: describeError(err), call: what }, 'the bot could not handle a playground event');
      return { warning: 'bot_unavailable' };
    }
  }

  private member(id: string): PlaygroundMember {
    const member = this.deps.workspace.member(id);
    if (!member || member.isBot) throw new HttpError(404, 'no_member', `No member "${id.slice(0, 40)}".`);
    return member;
  }

  private ownMessage(me: PlaygroundMember, messageId: string): PlaygroundMessage {
    const message = this.deps.workspace.message(messageId);
    if (!message || !this.deps.workspace.canSee(me.id, message)) throw new HttpError(404, 'no_message', 'No such message for this member.');
    if (message.authorId !== me.id) throw new HttpError(403, 'not_author', 'Only the author may change this message.');
    return message;
  }

  private threadRoot(threadId: string | undefined, channelId: string): string | undefined {
    if (!threadId) return undefined;
    const root = this.deps.workspace.message(threadId);
    if (!root || root.channelId !== channelId || root.visibleTo !== undefined) throw new HttpError(404, 'no_thread', 'No such thread in this channel.');
    return root.threadId ?? root.id;
  }
}
