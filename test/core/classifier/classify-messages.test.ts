import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyMessage, classifyMessages, type MessageInput } from '../../../src/core/classifier/classify-message.js';

// The batch path (`classify` on JSON lines) must say exactly what one-by-one classification says: it
// only reorders the work. Real lines of the project's sets, plus disguised, threaded and odd ones.
const lines = ['devset', 'extra', 'holdout-3'].flatMap((name) =>
  readFileSync(new URL(`../../../data/eval/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; parent?: string | null }),
);
const inputs: MessageInput[] = [
  ...lines.map((l) => ({ text: l.text, parentText: l.parent ?? undefined })),
  { text: 'P R O M O : c0urs de y0ga à 1O€, écr1vez-m0i en MP' },
  { text: 'Espèce de clown, va vendre tes salades ailleurs. Mon Dieu quelle coop de nazes' },
  // « Mon Dieu » is an exclamation, not a sermon: the conduct lists read the text without it.
  { text: 'Oh mon Dieu, venez tous à la soirée de jeudi, ça va être top !' },
  { text: 'Moi ! Je fais des logos, 300€, je t’envoie mon book en MP', parentText: 'Quelqu’un connaît un graphiste ? Des recommandations ?' },
  { text: 'Mes bougies sont dispo, 12€ pièce', parentText: 'Bravo pour l’AG hier !' },
  { text: '' },
  { text: `${'bla '.repeat(5000)}atelier 40€, réservez vite` },
  { text: 'Joignez notre communauté de lumière, seul le maître sait', threshold: 0.3 },
];

describe('classifyMessages', () => {
  it('gives every message the verdict classifyMessage gives it alone, in order', () => {
    const one = inputs.map((m) => classifyMessage(m.text, m));
    expect(classifyMessages(inputs)).toEqual(one);
    // Guards against a test that passes because nothing is ever flagged.
    expect(one.filter((v) => v.promotional).length).toBeGreaterThan(100);
    expect(one.filter((v) => v.conduct.flags.length > 0).length).toBeGreaterThan(10);
  });

  it('does not let messages of a batch change one another', () => {
    const alone = classifyMessages([inputs[1]!]);
    const shuffled = classifyMessages([inputs[7]!, inputs[1]!, inputs[1]!, inputs.at(-3)!]);
    expect(shuffled[1]).toEqual(alone[0]);
    expect(shuffled[2]).toEqual(alone[0]);
    expect(classifyMessages([])).toEqual([]);
  });
});
