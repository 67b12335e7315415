import type { Reason } from '../classifier/verdict.js';
import type { OutgoingMessage } from '../model.js';
import type { TextFormatter } from '../ports/text-formatter.js';
import type { Catalog } from './catalog.js';
import { truncate } from './neutralize-mentions.js';

export const REMINDER_MAX_CHARS = 500;

export interface ReminderInput {
  catalog: Catalog;
  format: TextFormatter;
  locale: 'fr' | 'en';
  variant: number;
  reasons: readonly Reason[];
  annonces: { id: string; name: string };
  charterUrl?: string;
  /** Launch date, formatted, when the grace period is on. */
  graceDate?: string;
  incidentId: string;
}

/** Human list of the detector's reasons, in the locale, escaped (they may quote the message). */
export function formatReasons(reasons: readonly Reason[], locale: 'fr' | 'en', format: TextFormatter, max = 3): string {
  return reasons
    .slice(0, max)
    .map((r) => format.escape(locale === 'en' ? r.en : r.fr))
    .join(', ');
}

/** Picks a joke for this incident that differs from the author's last one. */
export function pickVariant(seed: string, lastVariant: number | undefined, count: number): number {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const pick = hash % count;
  return pick === lastVariant ? (pick + 1) % count : pick;
}

/**
 * The DM to an author: a joke, what was noticed, where such posts belong, where the charter is, the
 * signature, and the two buttons. Always ≤ 500 characters: fewer reasons are listed when needed.
 */
export function renderReminder(input: ReminderInput): OutgoingMessage {
  const { catalog, format } = input;
  const r = catalog.reminder;
  const opener = r.openers[input.variant % r.openers.length];
  const annonces = format.channel(input.annonces);
  const where = input.graceDate ? r.belongsFrom(annonces, input.graceDate) : r.belongs(annonces);
  const charter = input.charterUrl ? r.charterAt(format.link(input.charterUrl, input.charterUrl)) : r.charterCommand;
  const build = (maxReasons: number, cap?: number): string => {
    let reasons = formatReasons(input.reasons, input.locale, format, maxReasons) || r.nothingSpecific;
    if (cap !== undefined) reasons = truncate(reasons, cap);
    return [opener, r.noticed(reasons), where, charter, r.signature].join('\n');
  };
  let text = build(3);
  if (text.length > REMINDER_MAX_CHARS) text = build(2);
  if (text.length > REMINDER_MAX_CHARS) text = build(1, 60);
  const buttons = [
    { action: 'repost_annonces' as const, label: catalog.buttons.repost, value: input.incidentId, style: 'primary' as const },
    { action: 'not_promo' as const, label: catalog.buttons.notPromo, value: input.incidentId },
  ];
  return { text, buttons };
}
