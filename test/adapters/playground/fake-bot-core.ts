import type { BotCore } from '../../../src/core/bot-core.js';
import type { ActionResult, ChannelInfo, CommandResult, IncomingAction, IncomingCommand, IncomingMessage, MessageDeleted } from '../../../src/core/model.js';
import type { ChatPlatform } from '../../../src/core/ports/chat-platform.js';

/**
 * A tiny stand-in for the moderation core, speaking only through the ChatPlatform port: a price in a
 * channel other than #annonces gets a DM with two buttons and a committee line with two buttons.
 * Records every call so tests can assert what the adapter handed over.
 */
export class FakeBotCore implements BotCore {
  readonly messages: IncomingMessage[] = [];
  readonly deleted: MessageDeleted[] = [];
  readonly commands: IncomingCommand[] = [];
  readonly actions: IncomingAction[] = [];
  failNextMessage = false;
  private annonces?: ChannelInfo;
  private committee?: ChannelInfo;
  private readonly incidents = new Map<string, IncomingMessage>();

  constructor(private readonly platform: ChatPlatform) {}

  async start(): Promise<void> {
    this.annonces = await this.platform.findChannelByName('annonces');
    this.committee = await this.platform.findChannelByName('comite-charte');
  }

  async handleMessage(message: IncomingMessage): Promise<void> {
    this.messages.push(message);
    if (this.failNextMessage) {
      this.failNextMessage = false;
      throw new Error('store down');
    }
    if (message.channel.kind === 'dm' || message.channel.id === this.annonces?.id || message.isEdit || !/\d+\s?€/.test(message.text)) return;
    const id = `inc-${this.incidents.size + 1}`;
    this.incidents.set(id, message);
    const f = this.platform.format;
    await this.platform.sendDirectMessage(message.author.id, {
      text: `Psst ${f.user(message.author)} ! Les offres vont dans ${f.channel(this.annonces!)}.`,
      buttons: [
        { action: 'repost_annonces', label: 'Publier dans #annonces', value: id, style: 'primary' },
        { action: 'not_promo', label: "Ce n'était pas de la pub", value: id },
      ],
    });
    await this.platform.postToChannel(this.committee!.id, {
      text: `Annonce de ${f.user(message.author)} dans ${f.channel(message.channel)} :\n${f.quote(f.escape(message.text))}`,
      buttons: [
        { action: 'verdict_false_positive', label: 'Faux positif', value: id, style: 'danger' },
        { action: 'verdict_confirmed', label: 'Bien vu', value: id },
      ],
    });
  }

  async handleMessageDeleted(event: MessageDeleted): Promise<void> {
    this.deleted.push(event);
  }

  async handleCommand(command: IncomingCommand): Promise<CommandResult> {
    this.commands.push(command);
    if (command.text.startsWith('mode')) {
      const allowed = this.committee && (await this.platform.isChannelMember(this.committee.id, command.user.id));
      return { visibility: 'ephemeral', message: { text: allowed ? 'Mode : observation.' : 'Réservé au comité.' } };
    }
    if (command.text === 'annonce') return { visibility: 'in_channel', message: { text: 'Les annonces, c’est dans ~annonces !' } };
    return { visibility: 'ephemeral', message: { text: '**Aide** : `/charte aide`' } };
  }

  async handleAction(action: IncomingAction): Promise<ActionResult> {
    this.actions.push(action);
    const incident = this.incidents.get(action.value);
    if (!incident) return { reply: { text: 'Déjà traité.' } };
    const f = this.platform.format;
    switch (action.action) {
      case 'repost_annonces':
        await this.platform.postToChannel(this.annonces!.id, { text: `Annonce de ${f.user(incident.author)} :\n${f.quote(f.escape(incident.text))}` });
        return { update: { text: '✅ Publié dans #annonces. Merci !' } };
      case 'not_promo':
        return { update: { text: 'Noté, désolé pour le dérangement.' } };
      case 'verdict_confirmed':
        return { update: { text: `✅ Bien vu (${f.user(action.user)})` }, reply: { text: 'Merci !' } };
      case 'verdict_false_positive':
        return { update: { text: `↩️ Faux positif (${f.user(action.user)})` } };
    }
  }

  async handleReport(): Promise<CommandResult> {
    return { visibility: 'ephemeral', message: { text: 'ok' } };
  }

  async tick(): Promise<void> {}
}
