import Keyv from 'keyv';
import { createModerationBot } from '../../src/core/moderation/create-moderation-bot.js';
import { defaultCoreConfig, type CoreConfig } from '../../src/core/core-config.js';
import type { ChannelInfo, IncomingCommand, IncomingMessage, UserInfo } from '../../src/core/model.js';
import { KeyvModerationStore } from '../../src/core/store/keyv-moderation-store.js';
import { CaptureLogger } from '../fakes/capture-logger.js';
import { FakeChatPlatform } from '../fakes/fake-chat-platform.js';
import { FixedClock } from '../fakes/fixed-clock.js';

/** Texts every detector should agree on (they stay valid when the real detector replaces the placeholder). */
export const PROMO =
  '🎉 Promo de lancement : mon atelier de shiatsu à 45 € la séance au lieu de 60 €, réservez vite sur https://shiatsu.example, contactez-moi en MP !';
export const PROMO_2 = 'Offre spéciale : site vitrine + logo pour 490 € HT, code promo COOP10 pour -10 %, écrivez-moi pour un devis gratuit !';
export const CLEAN = "Quelqu'un connaît un bon réparateur de vélo vers Montreuil ? Merci d'avance !";
export const INSULT = "T'es vraiment qu'un con, un clown, ferme-la.";

let messageSeq = 0;

/** A small workspace on the fake platform, a memory store and a clock, wired to the real core. */
export function createHarness(config: Partial<CoreConfig> = {}) {
  const platform = new FakeChatPlatform();
  const alice = platform.addUser({ id: 'UALICE', name: 'alice', isBot: false });
  const bob = platform.addUser({ id: 'UBOB', name: 'bob', isBot: false });
  const carol = platform.addUser({ id: 'UCAROL', name: 'carol', isBot: false });
  const otherBot = platform.addUser({ id: 'UOTHERBOT', name: 'rss-bot', isBot: true });
  const general = platform.addChannel({ id: 'CGEN', name: 'general', kind: 'public' }, ['UALICE', 'UBOB', 'UCAROL', 'UBOT']);
  const annonces = platform.addChannel({ id: 'CANN', name: 'annonces', kind: 'public' }, ['UALICE', 'UBOT']);
  const committee = platform.addChannel({ id: 'CCOM', name: 'comite-charte', kind: 'private' }, ['UCAROL', 'UBOT']);
  const projets = platform.addChannel({ id: 'CPRJ', name: 'projets', kind: 'private' }, ['UALICE', 'UBOT']);
  const dm = platform.addChannel({ id: 'DALICE', name: 'alice-dm', kind: 'dm' }, ['UALICE', 'UBOT']);
  const keyv = new Keyv({ namespace: `t${Date.now()}${++messageSeq}` });
  const store = new KeyvModerationStore(keyv);
  const clock = new FixedClock();
  const log = new CaptureLogger();
  const fullConfig: CoreConfig = { ...defaultCoreConfig, charterUrl: 'https://coop.example/charte', ...config };
  const bot = createModerationBot({ platform, store, clock, log, config: fullConfig });

  function message(text: string, options: Partial<IncomingMessage> & { channel?: ChannelInfo; author?: UserInfo } = {}): IncomingMessage {
    return {
      platform: 'playground',
      id: `msg${++messageSeq}`,
      channel: general,
      author: alice,
      text,
      isEdit: false,
      at: clock.now(),
      ...options,
    };
  }

  function command(text: string, user: UserInfo = alice, channel: ChannelInfo = general, threadId?: string): IncomingCommand {
    return { platform: 'playground', text, user, channel, threadId };
  }

  return { platform, store, clock, log, bot, config: fullConfig, users: { alice, bob, carol, otherBot }, channels: { general, annonces, committee, projets, dm }, message, command };
}

export type Harness = ReturnType<typeof createHarness>;
