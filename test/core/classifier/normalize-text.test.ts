import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, normalizeText, WINDOW_HEAD, WINDOW_TAIL } from '../../../src/core/classifier/normalize-text.js';

describe('normalizeText', () => {
  it('folds accents and ligatures', () => {
    expect(normalizeText('Œuvre réservée à l’été').text).toBe("oeuvre reservee a l'ete");
  });

  it('drops zero-width characters and notices them inside words only', () => {
    const disguised = normalizeText('Ré\u200bduc\u200ction');
    expect(disguised.text).toBe('reduction');
    expect(disguised.tricks).toContain('zero-width');
    const emoji = normalizeText('Bonne journée 👨‍💻👩‍🔬');
    expect(emoji.tricks).toEqual([]);
  });

  it('maps Cyrillic and Greek look-alikes, enclosed and regional letters', () => {
    expect(normalizeText('Рrоmо').text).toBe('promo'); // Cyrillic Р, о, м
    expect(normalizeText('Рrоmо').tricks).toContain('look-alike letters');
    expect(normalizeText('🅿🆁🅾🅼🅾').text).toBe('promo');
    expect(normalizeText('🇵🇷🇴🇲🇴').text).toBe('promo');
    expect(normalizeText('Vive la 🇫🇷 !').text).not.toContain('fr');
  });

  it('joins spaced, dotted and hyphenated letters, and spaced digits before a currency', () => {
    expect(normalizeText('P R O M O').text).toBe('promo');
    expect(normalizeText('c.o.n.t.a.c.t').text).toBe('contact');
    expect(normalizeText('C-R-É-A-T-I-O-N à 4-9-0 €').text).toBe('creation a 490 €');
    expect(normalizeText('- 3 0 %').text).toBe('- 30 %');
    expect(normalizeText('en m.p').text).toBe('en mp');
    expect(normalizeText('a-t-il peut-être').text).toBe('a-t-il peut-etre');
  });

  it('undoes leetspeak but keeps units, codes and handles', () => {
    expect(normalizeText('j3 f@is d€vi$ pr0mo').text).toBe('je fais devis promo');
    expect(normalizeText('2h30, le 1er, code COOP20, @lea.dessins').text).toBe('2h30, le 1er, code coop20, @lea.dessins');
    // A letter O for a zero, only inside an amount: « 2O€ » is 20 €, « 2 euros » and « go » stay.
    expect(normalizeText('2O€ /h, 1OO eur, 2 euros, go').text).toBe('20€ /h, 100 eur, 2 euros, go');
  });

  it('recognises links in every form', () => {
    const n = normalizeText('<https://shop.exemple.fr/a|ma boutique> [site](https://exemple.com) www.truc.bzh lune[point]fr');
    expect(n.links.map((l) => l.domain)).toEqual(['shop.exemple.fr', 'exemple.com', 'truc.bzh', 'lune.fr']);
    expect(n.links[0].label).toBe('ma boutique');
    expect(n.tricks).toContain('spelled-out address');
  });

  it('reads a bounded window of long messages', () => {
    const n = normalizeText(`${'x'.repeat(100_000)} la fin`);
    expect(n.text.length).toBeLessThanOrEqual(WINDOW_HEAD + WINDOW_TAIL + 10);
    expect(n.text.endsWith('la fin')).toBe(true);
  });
});

describe('fold', () => {
  // The reference: fold the whole string at once. `fold` works character by character, with a memo.
  const FOLD_MAP: Record<string, string> = {
    œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', '’': "'", '‘': "'", '`': "'", '´': "'",
    '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
  };
  const reference = (s: string): string =>
    s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[œŒæÆß’‘`´‐‑‒–—]/g, (c) => FOLD_MAP[c]!);

  it('spells French the way a keyboard without accents would', () => {
    expect(fold('Œufs brûlés, façade, naïve — « déjà » l’été')).toBe("OEufs brules, facade, naive - « deja » l'ete");
    expect(fold('ｐｒｏｍｏ ﬁnal 𝐩𝐫𝐨𝐦𝐨')).toBe('promo final promo');
    expect(fold('plain ascii stays the same string')).toBe('plain ascii stays the same string');
  });

  it('gives the same result as folding the whole text at once, on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => fold(s) === reference(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'aeéèêëàçœŒ’–👨‍💻🇫🇷\u0301\u0327 x'), maxLength: 40 }), (s) => fold(s) === reference(s)), { numRuns: 2000 });
  });
});
