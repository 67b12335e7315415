import { catalogEn } from './catalog.en.js';
import { catalogFr } from './catalog.fr.js';

/** Every user-facing string, per language. Arguments arrive already formatted for the platform. */
export interface Catalog {
  reminder: {
    /** Opening jokes; at least 12, rotated per author. */
    openers: readonly string[];
    noticed(reasons: string): string;
    belongs(annonces: string): string;
    /** Grace period version of `belongs`: softer, with the launch date. */
    belongsFrom(annonces: string, date: string): string;
    charterAt(link: string): string;
    charterCommand: string;
    signature: string;
    nothingSpecific: string;
  };
  buttons: { repost: string; notPromo: string; falsePositive: string; confirmed: string };
  committee: {
    incident(p: { who: string; where: string; excerpt: string; reasons: string; score: string; action: string }): string;
    conduct(p: { who: string; where: string; excerpt: string; reasons: string }): string;
    report(p: { reporter: string; who: string; where: string; excerpt: string; reason: string }): string;
    actionReminded: string;
    actionWouldRemind(dm: string): string;
    actionRepeat(lastDate: string): string;
    actionWouldRepeat(lastDate: string): string;
    graceNote: string;
    recidive(who: string, count: number): string;
    contested(who: string, where: string): string;
    reposted(who: string): string;
    verdictStored(verdict: 'false_positive' | 'confirmed', by: string): string;
    publicWarning(channel: string): string;
  };
  actions: {
    reposted(annonces: string): string;
    repostHeader(who: string): string;
    repostUpdate(annonces: string): string;
    contestedReply: string;
    contestedUpdate: string;
    notYours: string;
    gone: string;
    committeeOnly: string;
    alreadyDone: string;
  };
  digest: { title(count: number): string; empty: string; posted(channel: string): string };
  date(d: Date, timeZone: string): string;
}

export function catalogFor(locale: 'fr' | 'en'): Catalog {
  return locale === 'en' ? catalogEn : catalogFr;
}
