import { classifyMessage, explainPromotion, type Contribution } from './classify-message.js';
import { actionFor } from './is-allowed-channel.js';
import type { ConductFlag } from './verdict.js';

/**
 * Scores the detector against a labelled set the way the bars are written: `action == "remind"`
 * (channel rule applied) against `label == "promo"`, and conduct flags against the `insult` /
 * `proselytism` categories (or an explicit `conduct` field).
 */

export interface LabelledLine {
  id: string;
  channel?: string | null;
  text: string;
  parent?: string | null;
  label: 'promo' | 'ok' | string;
  category?: string;
  /** Optional explicit conduct labels, e.g. `["insult"]`. */
  conduct?: string[];
}

export interface EvalError {
  id: string;
  kind: 'false_positive' | 'false_negative' | 'conduct_missed' | 'conduct_false_alarm';
  category?: string;
  score: number;
  text: string;
  contributions: Contribution[];
  conduct: ConductFlag[];
}

export interface EvalReport {
  lines: number;
  tp: number; fp: number; fn: number; tn: number;
  precision: number; recall: number; f1: number;
  conduct: {
    /** Per expected flag: how many lines carry it and how many were caught. */
    byCategory: Record<string, { total: number; caught: number }>;
    recall: number;
    falseAlarms: number;
    otherLines: number;
    falseAlarmRate: number;
  };
  errors: EvalError[];
}

const CONDUCT_CATEGORIES: Record<string, ConductFlag[]> = {
  insult: ['insult', 'defamation'],
  defamation: ['defamation', 'insult'],
  proselytism: ['proselytism'],
};

/** The conduct kind a labelled line is about, if any (`conduct` field, or an old-style category). */
export function expectedConduct(line: LabelledLine): string | null {
  if (Array.isArray(line.conduct) && line.conduct.length > 0) return String(line.conduct[0]);
  return line.category && line.category in CONDUCT_CATEGORIES ? line.category : null;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function evaluateLines(lines: LabelledLine[], opts: { annoncesChannel: string; threshold?: number }): EvalReport {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const byCategory: Record<string, { total: number; caught: number }> = {};
  let falseAlarms = 0, otherLines = 0;
  const errors: EvalError[] = [];
  for (const line of lines) {
    const options = { parentText: line.parent ?? undefined, threshold: opts.threshold };
    const verdict = classifyMessage(line.text, options);
    const action = actionFor(verdict.promotional, line.channel, opts.annoncesChannel);
    const isPromo = line.label === 'promo';
    const reminded = action === 'remind';
    if (reminded && isPromo) tp++;
    else if (reminded) fp++;
    else if (isPromo) fn++;
    else tn++;
    const flags = verdict.conduct.flags;
    const err = (kind: EvalError['kind']): EvalError => ({
      id: line.id, kind, category: line.category, score: verdict.score, text: line.text,
      contributions: explainPromotion(line.text, options).contributions, conduct: flags,
    });
    if (reminded !== isPromo) errors.push(err(reminded ? 'false_positive' : 'false_negative'));
    const expected = expectedConduct(line);
    if (expected) {
      const bucket = (byCategory[expected] ??= { total: 0, caught: 0 });
      bucket.total++;
      const accepted = CONDUCT_CATEGORIES[expected] ?? [expected as ConductFlag];
      if (flags.some((f) => accepted.includes(f))) bucket.caught++;
      else errors.push(err('conduct_missed'));
    } else {
      otherLines++;
      if (flags.length > 0) { falseAlarms++; errors.push(err('conduct_false_alarm')); }
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  const totals = Object.values(byCategory).reduce((a, b) => ({ total: a.total + b.total, caught: a.caught + b.caught }), { total: 0, caught: 0 });
  return {
    lines: lines.length, tp, fp, fn, tn, precision, recall, f1,
    conduct: { byCategory, recall: ratio(totals.caught, totals.total), falseAlarms, otherLines, falseAlarmRate: ratio(falseAlarms, otherLines) },
    errors,
  };
}
