import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../src/core/classifier/classify-message.js';
import { normalizeText } from '../../../src/core/classifier/normalize-text.js';
import { gatedPatterns, gateOf } from '../../../src/core/classifier/pattern-gate.js';
import { requirements, WordGate } from '../../../src/core/classifier/word-gate.js';

// Loading the detector registers every pattern it gates (signals and conduct).
classifyMessage('');
const patterns = gatedPatterns();

const corpus = ['devset', 'extra', 'holdout-2'].flatMap((name) =>
  readFileSync(new URL(`../../../data/eval/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const o = JSON.parse(line) as { text: string; parent?: string | null };
      return o.parent ? [o.text, o.parent] : [o.text];
    }),
);

/** Every pattern the gate rules out for `text` must indeed not match it. */
function skippedButMatching(text: string): string[] {
  const n = normalizeText(text);
  const may = gateOf(n);
  const wrong: string[] = [];
  patterns.forEach((re, slot) => {
    if (may[slot] === 1) return;
    re.lastIndex = 0;
    const m = re.exec(n.text);
    re.lastIndex = 0;
    if (m) wrong.push(`${re.source.slice(0, 40)}… matched «${m[0]}»`);
  });
  return wrong;
}

describe('the word gate', () => {
  it('never skips a pattern that would match, on every labelled message', () => {
    expect(patterns.length).toBeGreaterThan(40);
    const wrong = corpus.flatMap(skippedButMatching);
    expect(wrong).toEqual([]);
  });

  it('never skips a pattern that would match, on random text made of the patterns own words', () => {
    // Words and symbols lifted from the pattern sources, glued with the separators chat uses.
    const vocabulary = [...new Set(patterns.flatMap((re) => re.source.match(/[a-z']{2,}|[€£$%@&#?*~]|\d+/g) ?? []))];
    const piece = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(' ', ' ', ', ', '. ', '-', "'", '\n', '5', '12 ', 'x'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        expect(skippedButMatching(pieces.join(''))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('rules out most patterns for everyday chat', () => {
    for (const text of ['On se retrouve jeudi pour le déjeuner ? Je ramène le gâteau.', 'Merci pour la réunion, le compte rendu est sur le drive.']) {
      const may = gateOf(normalizeText(text));
      const run = may.reduce((sum, v) => sum + v, 0);
      expect(run).toBeLessThan(patterns.length / 4);
    }
  });

  it('reads what each way to match needs: whole words, word starts, symbols or digits', () => {
    expect(requirements(String.raw`\b(?:le comite (?:organise|propose))`)).toEqual([
      [{ kind: 'word', word: 'comite', exact: true }, { kind: 'word', word: 'organise', exact: false }],
      [{ kind: 'word', word: 'comite', exact: true }, { kind: 'word', word: 'propose', exact: false }],
    ]);
    expect(requirements(String.raw`\b(?:formules?|packs?)`)).toEqual([[{ kind: 'word', word: 'formule', exact: false }], [{ kind: 'word', word: 'pack', exact: false }]]);
    expect(requirements(String.raw`\d{1,2} ?%`)).toEqual([[{ kind: 'chars', chars: '%' }, { kind: 'digit' }]]);
    expect(requirements(String.raw`(?:€|£) ?\d+`)).toEqual([[{ kind: 'chars', chars: '€' }, { kind: 'digit' }], [{ kind: 'chars', chars: '£' }, { kind: 'digit' }]]);
    // A word after a space that may be missing still starts a word when what came before ended one.
    expect(requirements(String.raw`[,!?] *espece d[e']`)).toEqual([[{ kind: 'word', word: 'espece', exact: true }]]);
    // No word edge before `shop`: it may sit inside any word, so the pattern always runs.
    expect(requirements('etsy|shop')).toBeNull();
  });

  it('asks for every rare word of a way to match, not just one', () => {
    const gate = new WordGate([/\b(?:dispo (?:a nouveau|again))\b/, /\b(?:la coop organise)/]);
    // « dispo » alone is not enough: the pattern also needs « nouveau » or « again ».
    expect([...gate.scan('je suis dispo demain, qui vient ?')]).toEqual([0, 0]);
    expect([...gate.scan('dispo a nouveau pour vos projets')]).toEqual([1, 0]);
    expect([...gate.scan('la coop organise un pot')]).toEqual([0, 1]);
  });

  it('gates a pattern on its words and lets the others through', () => {
    const gate = new WordGate([/\b(?:je vends|a vendre)\b/, /etsy/, /\b(?:la coop organise)/]);
    expect([...gate.scan('je vends des bougies')]).toEqual([1, 1, 0]);
    expect([...gate.scan('vendredi la cooperative')]).toEqual([0, 1, 0]);
    expect([...gate.scan('la coop organise un pot')]).toEqual([0, 1, 1]);
  });
});
