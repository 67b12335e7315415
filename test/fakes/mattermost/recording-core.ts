import type { BotCore } from '../../../src/core/bot-core.js';
import type { ChatPlatform } from '../../../src/core/ports/chat-platform.js';
import type {
  ActionResult,
  CommandResult,
  IncomingAction,
  IncomingCommand,
  IncomingMessage,
  IncomingReport,
  MessageDeleted,
} from '../../../src/core/model.js';

/**
 * A stand-in core that records what the adapter hands it, and does one visible thing per call so the
 * outputs can be checked: a message containing "PROMO" gets a DM with two buttons (like a reminder).
 */
export class RecordingCore implements BotCore {
  readonly messages: IncomingMessage[] = [];
  readonly deletions: MessageDeleted[] = [];
  readonly commands: IncomingCommand[] = [];
  readonly actions: IncomingAction[] = [];
  started = 0;
  failNext = 0;

  constructor(private readonly platform: ChatPlatform) {}

  async start(): Promise<void> {
    this.started++;
  }

  async handleMessage(message: IncomingMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('store down (test)');
    }
    if (this.messages.some((m) => m.eventId === message.eventId)) return;
    this.messages.push(message);
    if (message.text.includes('PROMO')) {
      await this.platform.sendDirectMessage(message.author.id, {
        text: `Psst ${this.platform.format.user(message.author)}, ça irait mieux dans ~annonces. Tu disais : ${this.platform.format.quote(this.platform.format.escape(message.text))}`,
        buttons: [
          { action: 'repost_annonces', label: 'Publier dans ~annonces', value: `inc-${message.id}`, style: 'primary' },
          { action: 'not_promo', label: "Ce n'était pas de la pub", value: `inc-${message.id}` },
        ],
      });
    }
  }

  async handleMessageDeleted(event: MessageDeleted): Promise<void> {
    this.deletions.push(event);
  }

  async handleCommand(command: IncomingCommand): Promise<CommandResult> {
    this.commands.push(command);
    return { visibility: 'ephemeral', message: { text: `Aide de /charte (@channel ne sonne pas) — ${command.text}` } };
  }

  async handleAction(action: IncomingAction): Promise<ActionResult> {
    this.actions.push(action);
    return { update: { text: '✅ Publié dans ~annonces' }, reply: { text: 'Merci !' } };
  }

  async handleReport(_report: IncomingReport): Promise<CommandResult> {
    return { visibility: 'ephemeral', message: { text: 'ok' } };
  }

  async tick(): Promise<void> {}
}
