import { randomBytes } from 'node:crypto';
import type { PlaygroundChannel, PlaygroundMember, PlaygroundMessage, WorkspaceData } from './playground-workspace.js';

/** The bot's own member id in the playground. */
export const BOT_ID = 'charte-bot';

/** Random per workspace (and per reset), so message ids never repeat across resets. */
export function newEpoch(): string {
  return randomBytes(3).toString('hex');
}

/** Invented members of an invented cooperative: nobody here is a real person. */
export const SEED_MEMBERS: PlaygroundMember[] = [
  { id: 'camille', displayName: 'Camille Martin', title: 'graphiste', isBot: false },
  { id: 'yanis', displayName: 'Yanis Benali', title: 'développeur web', isBot: false },
  { id: 'lea', displayName: 'Léa Rousseau', title: 'photographe', isBot: false },
  { id: 'mathieu', displayName: 'Mathieu Girard', title: 'menuisier-ébéniste', isBot: false },
  { id: 'sophie', displayName: 'Sophie Lambert', title: 'traductrice, comité éthique', isBot: false, committee: true },
  { id: 'nadia', displayName: 'Nadia Haddad', title: "chargée d'accompagnement", isBot: false, staff: true },
  { id: BOT_ID, displayName: 'charte-bot', title: 'bot de la charte', isBot: true },
];

const HUMANS = SEED_MEMBERS.filter((m) => !m.isBot).map((m) => m.id);
const EVERYONE = SEED_MEMBERS.map((m) => m.id);
const MINUTE = 60_000;

/** Channel names from the configuration (GENERAL_CHANNEL, ANNONCES_CHANNEL, COMMITTEE_CHANNEL). */
export interface ChannelNames {
  general: string;
  annonces: string;
  committee: string;
}

/**
 * The workspace a newcomer finds: three public channels, the committee's private channel (committee
 * members and the bot only), and a little history so the page does not open on a void.
 */
export function seedWorkspace(names: ChannelNames, now: number): WorkspaceData {
  const { general, annonces, committee } = names;
  const channels: PlaygroundChannel[] = [
    { id: general, name: general, kind: 'public', topic: 'La vie de la coop, pour tout le monde', members: EVERYONE },
    { id: 'entraide', name: 'entraide', kind: 'public', topic: 'Questions, coups de main, bons plans outils', members: EVERYONE },
    { id: annonces, name: annonces, kind: 'public', topic: 'Vos offres et vos pubs : ici, et seulement ici', members: EVERYONE },
    {
      id: committee,
      name: committee,
      kind: 'private',
      topic: 'Comité éthique : signalements du bot et décisions',
      members: [...SEED_MEMBERS.filter((m) => m.committee).map((m) => m.id), BOT_ID],
    },
    ...HUMANS.map((id): PlaygroundChannel => ({ id: `dm-${id}`, name: `dm-${id}`, kind: 'dm', members: [id, BOT_ID] })),
  ];
  const epoch = newEpoch();
  let seq = 1;
  const messages: PlaygroundMessage[] = [];
  const add = (m: Omit<PlaygroundMessage, 'id'>): string => {
    const id = `m-${epoch}-${seq++}`;
    messages.push({ id, ...m });
    return id;
  };
  const root = add({ channelId: general, authorId: 'yanis', text: 'Bonjour à toutes et tous ! Qui vient à la plénière de jeudi ?', at: now - 90 * MINUTE });
  add({ channelId: general, authorId: 'lea', text: "J'y serai ! Je peux faire quelques photos pour la lettre d'info.", at: now - 80 * MINUTE, threadId: root });
  add({ channelId: general, authorId: 'nadia', text: "Pensez à vous inscrire sur l'agenda partagé, ça aide pour le café ☕", at: now - 60 * MINUTE });
  const ask = add({ channelId: 'entraide', authorId: 'mathieu', text: 'Quelqu’un connaît un logiciel de devis libre et simple ?', at: now - 50 * MINUTE });
  add({ channelId: 'entraide', authorId: 'camille', text: "J'utilise un tableur partagé, je te montre à la plénière si tu veux.", at: now - 45 * MINUTE, threadId: ask });
  add({ channelId: annonces, authorId: 'lea', text: '📸 Portraits pro pour vos sites : 80 € la séance, tarif coop jusqu’à fin du mois.', at: now - 30 * MINUTE });
  add({
    channelId: committee,
    authorId: 'sophie',
    text: 'Canal du comité : le bot y dépose ce qu’il remarque. « Bien vu » ou « Faux positif » l’aident à s’améliorer.',
    at: now - 20 * MINUTE,
  });
  return { version: 1, epoch, nextSeq: seq, members: SEED_MEMBERS.map((m) => ({ ...m })), channels, messages };
}
