import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateLines, type LabelledLine } from '../../../src/core/classifier/evaluate-set.js';
import { classifyPromotion } from '../../../src/core/classifier/classify-message.js';

// The quality bars of issue 2, measured on the project's own copies of the labelled sets. If the
// detector regresses (a signal removed, a weight retrained badly), these numbers drop and this fails.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const load = (name: string): LabelledLine[] =>
  readFileSync(`${root}data/eval/${name}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LabelledLine);

describe.each([
  ['devset.jsonl', 418],
  ['extra.jsonl', 100],
  // The holdouts were each written blind by a helper who never saw the signals, and scored once before
  // any change (first run, precision / recall / conduct recall): 2: 0.964 / 0.750 / 0.77, 3: 1.000 /
  // 0.883 / 0.80, 4: 1.000 / 0.887 / 0.70, 5: 0.932 / 0.887 / 0.90, 6: 0.944 / 0.823 / 0.60. Their gaps
  // were then closed with general signals, and `npm run train` fits the weights on them too.
  ['holdout-2.jsonl', 160],
  ['holdout-3.jsonl', 150],
  ['holdout-4.jsonl', 150],
  ['holdout-5.jsonl', 150],
  ['holdout-6.jsonl', 150],
  // First runs 0.939 / 0.742 / 0.80, 0.943 / 0.769 / 0.67, 0.964 / 0.815 / 0.83 and 0.979 / 0.723 /
  // 0.75; fitted on since 2026-11-29, like every holdout up to 73.
  ['holdout-7.jsonl', 150],
  ['holdout-8.jsonl', 150],
  ['holdout-9.jsonl', 150],
  ['holdout-10.jsonl', 150],
])('bars on %s', (file, minLines) => {
  const lines = load(file);
  const report = evaluateLines(lines, { annoncesChannel: 'annonces' });

  it('has the lines it should', () => {
    expect(lines.length).toBeGreaterThanOrEqual(minLines);
  });

  it('reminds precisely (≥ 0.97) and misses little (recall ≥ 0.92), channel rule applied', () => {
    // Recomputed here from the confusion counts so the bar does not rest on the report's arithmetic.
    const precision = report.tp / (report.tp + report.fp);
    const recall = report.tp / (report.tp + report.fn);
    expect(report.tp + report.fp + report.fn + report.tn).toBe(lines.length);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.92);
  });

  it('flags insults and proselytism (recall ≥ 0.85) with ≤ 1 % false alarms', () => {
    expect(report.conduct.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.conduct.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });

  it('never reminds anyone for a post in #annonces', () => {
    const annonces = lines.filter((l) => l.category === 'promo-in-annonces');
    expect(annonces.length).toBeGreaterThan(0);
    expect(report.errors.filter((e) => e.category === 'promo-in-annonces')).toEqual([]);
  });
});

// Blind sets 74–81 (1,200 lines, eight writers who never saw the code or the data), never trained on
// (`TRAINED` in train-weights.ts stops at 73): the detector on text it has not seen, pooled as the issue
// judges a held-out set. Scored first by the shipped models: P 0.986, R 0.933, conduct 0.975, 0 / 1,080.
describe('bars on the held-out blind sets 74–81, never trained on', () => {
  const lines = Array.from({ length: 8 }, (_, i) => load(`holdout-${74 + i}.jsonl`)).flat();
  const report = evaluateLines(lines, { annoncesChannel: 'annonces' });

  it('holds the four bars of issue 2 pooled', () => {
    expect(lines.length).toBe(1200);
    expect(report.tp / (report.tp + report.fp)).toBeGreaterThanOrEqual(0.97);
    expect(report.tp / (report.tp + report.fn)).toBeGreaterThanOrEqual(0.92);
    expect(report.conduct.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.conduct.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });
});

// English SMS, real ham and spam (evaluation only, never trained on). Present on the shared machine,
// absent from a fresh clone: the test then skips.
const sms = `${root}../shared/data/external/sms-spam-collection.tsv`;
describe.skipIf(!existsSync(sms))('SMS Spam Collection (external, English)', () => {
  it('flags ≤ 0.5 % of ham and catches ≥ 60 % of spam', () => {
    let ham = 0, hamFlagged = 0, spam = 0, spamCaught = 0;
    for (const line of readFileSync(sms, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const flagged = classifyPromotion(line.slice(tab + 1)).promotional;
      if (line.startsWith('ham')) { ham++; if (flagged) hamFlagged++; }
      else { spam++; if (flagged) spamCaught++; }
    }
    expect(ham).toBeGreaterThan(4000);
    expect(hamFlagged / ham).toBeLessThanOrEqual(0.005);
    expect(spamCaught / spam).toBeGreaterThanOrEqual(0.6);
  });
});
