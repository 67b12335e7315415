import type { OutgoingMessage } from '../model.js';
import type { Incident } from '../ports/moderation-store.js';
import type { TextFormatter } from '../ports/text-formatter.js';
import type { Catalog } from './catalog.js';
import { formatReasons } from './render-reminder.js';

export interface CommitteeLineInput {
  catalog: Catalog;
  format: TextFormatter;
  locale: 'fr' | 'en';
  incident: Incident;
  /** What the bot did, already worded (catalog.committee.action…). */
  action: string;
}

/** Where: the channel, linked to the message when a permalink exists. */
export function renderWhere(format: TextFormatter, incident: Pick<Incident, 'channelId' | 'channelName' | 'permalink'>): string {
  const channel = format.channel({ id: incident.channelId, name: incident.channelName });
  return incident.permalink ? `${channel} (${format.link(incident.permalink, '→')})` : channel;
}

export function verdictButtons(catalog: Catalog, incidentId: string): OutgoingMessage['buttons'] {
  return [
    { action: 'verdict_false_positive', label: catalog.buttons.falsePositive, value: incidentId },
    { action: 'verdict_confirmed', label: catalog.buttons.confirmed, value: incidentId, style: 'primary' },
  ];
}

/** One terse committee line: who, where (link), excerpt (escaped, ≤ 280), reasons, score, what the bot did. */
export function renderCommitteeLine(input: CommitteeLineInput): OutgoingMessage {
  const { catalog, format, incident } = input;
  const who = format.user({ id: incident.authorId, name: incident.authorName });
  const where = renderWhere(format, incident);
  const excerpt = format.escape(incident.excerpt);
  const reasons = formatReasons(incident.reasons, input.locale, format, 4) || '—';
  const text =
    incident.kind === 'conduct'
      ? catalog.committee.conduct({ who, where, excerpt, reasons })
      : catalog.committee.incident({ who, where, excerpt, reasons, score: incident.score.toFixed(2), action: input.action });
  return { text, buttons: verdictButtons(catalog, incident.id) };
}
