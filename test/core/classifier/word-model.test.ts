import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/classifier/normalize-text.js';
import { readWording, wordFeatures, wordTable, wordingWeight } from '../../../src/core/classifier/word-model.js';
import { classifyMessage, detectConduct, explainPromotion } from '../../../src/core/classifier/classify-message.js';
import { fitWordModel, serializeWordModel } from '../../../src/tools/fit-word-model.js';

const fold = (s: string): string => normalizeText(s).text;

// A toy coop: three ways of selling, three ways of chatting, each said three times (the fitter ignores
// words seen in fewer than three lines).
const LINES: { text: string; y: number }[] = [];
for (const who of ['Léa', 'Marc', 'Inès']) {
  LINES.push({ text: `Tarifs dégressifs sur mes tirages photo, commandez avant Noël (${who})`, y: 1 });
  LINES.push({ text: `Réservez vite vos paniers de légumes, tarifs sur demande, ${who}`, y: 1 });
  LINES.push({ text: `Mes tirages sont en vente, commandez en MP ! ${who}`, y: 1 });
  LINES.push({ text: `Merci ${who} pour l'apéro d'hier, super soirée`, y: 0 });
  LINES.push({ text: `Quelqu'un a des nouvelles de ${who} ? On se voit à l'AG ?`, y: 0 });
  LINES.push({ text: `Bonne soirée à tous, merci pour l'accueil ${who}`, y: 0 });
}
const examples = LINES.map((l) => ({ folded: fold(l.text), y: l.y }));

describe('the word model', () => {
  it('learns which words lean commercial from labelled lines', () => {
    const weights = fitWordModel(examples);
    expect(weights.get('tarifs')).toBeGreaterThan(0);
    expect(weights.get('comman')).toBeGreaterThan(0); // « commandez », cut to its stem
    expect(weights.get('merci')).toBeLessThan(0);
    const model = wordTable([weights]);
    expect(readWording(fold('Commandez mes tirages, tarifs en MP'), model).logit).toBeGreaterThan(0);
    expect(readWording(fold("Merci pour l'apéro, bonne soirée"), model).logit).toBeLessThan(0);
  });

  it('is reproducible: the same lines always give the same weights file', () => {
    expect(serializeWordModel(fitWordModel(examples))).toBe(serializeWordModel(fitWordModel([...examples])));
  });

  it('refuses a weight the 16-bit table cannot hold, naming the feature, instead of wrapping it silently', () => {
    expect(() => wordTable([new Map([['^', 0], ['promo', 40]])])).toThrow(/promo 40/);
  });

  it('reads a message exactly as the training tool counted it (each stem and pair once)', () => {
    const weights = fitWordModel(examples);
    for (const message of ['Tarifs tarifs TARIFS : commandez, commandez ! 12 € la photo, merci', 'Réservez vos paniers, merci Léa ⟦link⟧ 20 %']) {
      const text = fold(message);
      const expected = wordFeatures(text).reduce((sum, f) => sum + (weights.get(f) ?? 0), 0);
      // Summed in exact thousandths, then divided: equal up to float rounding; a feature counted twice or missed is off by its whole weight.
      expect(readWording(text, wordTable([weights])).logit).toBeCloseTo(expected, 9);
    }
  });

  it('quotes a whole word of the message as its evidence, not a stem', () => {
    const model = wordTable([fitWordModel(examples)]);
    expect(readWording(fold('Commandez vite !'), model).strongest).toBe('commandez');
  });

  it('reads only the opening of a 200 KB message, so its cost stays bounded', () => {
    const model = wordTable([fitWordModel(examples)]);
    const opening = `reservez vos paniers ! ${'et encore '.repeat(20_000)}`;
    expect(opening.length).toBeGreaterThan(200_000);
    // A word past the opening changes nothing.
    expect(readWording(`${opening} merci`, model).logit).toBe(readWording(opening, model).logit);
    expect(readWording(fold('merci'), model).logit).not.toBe(readWording(fold(''), model).logit);
  });

  it('never lifts a message the signals found innocent: it can only lower it', () => {
    expect(wordingWeight(4, true, 1.25, 1.5)).toBe(0);
    expect(wordingWeight(-4, true, 1.25, 1.5)).toBeLessThan(0);
    expect(wordingWeight(4, false, 1.25, 1.5)).toBeGreaterThan(0);
  });
});

describe('the word model in the detector (shipped weights)', () => {
  it('catches a follow ask the signals alone find too weak, and says why', () => {
    const text = 'Abonnez-vous à ma lettre du mois : une recette de saison et mes dates de marché';
    const e = explainPromotion(text);
    const wording = e.contributions.find((c) => c.code === 'wording');
    expect(e.promotional).toBe(true);
    expect(wording?.weight).toBeGreaterThan(0);
    expect(e.logit - wording!.weight).toBeLessThan(0); // without the wording: no reminder
    expect(e.reasons.map((r) => r.fr).join(' ; ')).toMatch(/abonnement/);
  });

  it('leaves a question about rates alone, however commercial its words', () => {
    const v = classifyMessage('Vous facturez combien une séance de réflexologie ? Je débute, je ne sais pas où me placer');
    expect(v.promotional).toBe(false);
  });
});

describe('the conduct models in the detector (shipped weights)', () => {
  it('flag an accusation and a contemptuous remark that no list words that way, and say it is their reading', () => {
    const accusation = detectConduct('Le président arrange les comptes pour cacher ses dépenses perso, tout le monde le sait');
    expect(accusation.flags).toEqual(['defamation']);
    expect(accusation.reasons[0]?.fr).toMatch(/ressemblent à une accusation/);
    const contempt = detectConduct('Les graphistes de cette coop sont des amateurs prétentieux');
    expect(contempt.flags).toEqual(['insult']);
  });

  it('leave ordinary chat and criticism of a tool alone', () => {
    expect(detectConduct('Super réunion hier, merci à tous !').flags).toEqual([]);
    expect(detectConduct('Ce nouveau logiciel de compta est une vraie honte, on perd un temps fou').flags).toEqual([]);
  });
});
