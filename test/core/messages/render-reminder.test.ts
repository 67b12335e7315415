import { describe, expect, it } from 'vitest';
import { catalogEn } from '../../../src/core/messages/catalog.en.js';
import { catalogFr } from '../../../src/core/messages/catalog.fr.js';
import { pickVariant, renderReminder, REMINDER_MAX_CHARS } from '../../../src/core/messages/render-reminder.js';
import { markdownFormatter } from '../../fakes/fake-chat-platform.js';

const longReasons = Array.from({ length: 6 }, (_, i) => ({
  code: `r${i}`,
  fr: `une raison très longue numéro ${i} qui cite « ${'x'.repeat(80)} »`,
  en: `a very long reason number ${i} quoting “${'x'.repeat(80)}”`,
}));

describe.each([
  ['fr', catalogFr, '— le bot du comité éthique 🤖'],
  ['en', catalogEn, '— the ethics committee’s bot 🤖'],
] as const)('reminders in %s', (locale, catalog, signature) => {
  it('has at least 12 distinct jokes', () => {
    expect(new Set(catalog.reminder.openers).size).toBeGreaterThanOrEqual(12);
  });

  it('stays under 500 characters with every joke, even with long reasons, and says what, where, charter, who', () => {
    for (let variant = 0; variant < catalog.reminder.openers.length; variant++) {
      for (const charterUrl of [undefined, 'https://coop.example/une/charte/assez/longue/pour/voir']) {
        for (const graceDate of [undefined, '15 décembre']) {
          const { text, buttons } = renderReminder({
            catalog, format: markdownFormatter, locale, variant, reasons: longReasons,
            annonces: { id: 'CANN', name: 'annonces' }, charterUrl, graceDate, incidentId: 'inc_1',
          });
          expect(text.length).toBeLessThanOrEqual(REMINDER_MAX_CHARS);
          expect(text).toContain('~annonces');
          expect(text).toContain(signature);
          expect(text).toContain(charterUrl ?? '/charte');
          expect(text).toMatch(/raison|reason/);
          expect(buttons?.map((b) => b.action)).toEqual(['repost_annonces', 'not_promo']);
        }
      }
    }
  });
});

describe('pickVariant', () => {
  it('never returns the last variant', () => {
    for (let i = 0; i < 200; i++) {
      const last = i % 14;
      expect(pickVariant(`seed${i}`, last, 14)).not.toBe(last);
    }
  });
});
