import { describe, expect, it } from 'vitest';
import { evidenceInOriginal } from '../../../src/core/classifier/original-evidence.js';

describe('evidenceInOriginal', () => {
  it('quotes the member’s own words, accents, capitals and typography included', () => {
    expect(evidenceInOriginal('ecrivez-moi', 'Écrivez-moi en MP !')).toBe('Écrivez-moi');
    expect(evidenceInOriginal('seance decouverte', 'Première  séance\u00a0découverte offerte')).toBe('séance\u00a0découverte');
    expect(evidenceInOriginal('oeuvres', 'Mes Œuvres sont en vente')).toBe('Œuvres');
    expect(evidenceInOriginal("l'ete", 'Tout l’été')).toBe('l’été');
    expect(evidenceInOriginal('-25 %', 'Soldes ‑25 % 🎉')).toBe('‑25 %');
  });

  it('keeps the folded words when the original spelt them another way', () => {
    expect(evidenceInOriginal('promo', 'P R O M O')).toBe('promo');
    expect(evidenceInOriginal('', 'anything')).toBe('');
  });

  it('answers for each message on its own, even when several are checked in turn', () => {
    expect(evidenceInOriginal('seance', 'Une séance')).toBe('séance');
    expect(evidenceInOriginal('seance', 'Une SEANCE')).toBe('SEANCE');
    expect(evidenceInOriginal('seance', 'Une séance')).toBe('séance');
  });
});

describe('evidenceInOriginal on long messages', () => {
  it('finds words in the head and in the tail, as written', () => {
    const middle = 'bla '.repeat(50_000);
    const text = `Séance découverte ${middle} Écrivez-moi vite`;
    expect(evidenceInOriginal('seance decouverte', text)).toBe('Séance découverte');
    expect(evidenceInOriginal('ecrivez-moi', text)).toBe('Écrivez-moi');
  });
});
