import { MODEL as PROMOTION } from './word-models/promotion.js';
import { MODEL as INSULT } from './word-models/insult.js';
import { MODEL as DEFAMATION } from './word-models/defamation.js';
import { MODEL as PROSELYTISM } from './word-models/proselytism.js';
import type { NormalizedText } from './normalize-text.js';

/**
 * A small learned reading of a message's wording, beside the hand-written signals.
 *
 * Phrase lists catch what someone thought to write down; a member who sells in words nobody listed
 * ("je lance mes paniers de Noël, dispo jusqu'au 15") slips through. This model has read every
 * labelled line of `data/eval` and gives each word stem and pair of stems a weight, so wording that
 * leans commercial adds up even when no single phrase list knows it. It is one voice beside the hand
 * signals (`wordingWeight`), never a verdict alone. Three more models of the same kind read insults,
 * accusations and recruiting for the conduct flags (`detect-conduct.ts`); all four are read in one pass.
 *
 * Words are cut to their first STEM_LENGTH letters so that "reservez", "reservation" and "reserve"
 * share one weight: a crude stemmer, but French and English both put the meaning up front. Numbers
 * become `#`, so "49 €" and "120 €" read alike. Linear in the message: one pass, one table probe per
 * word and per pair.
 */

export const STEM_LENGTH = 6;
/**
 * Short words ("mes", "your") and greetings weigh in but say nothing to a member when quoted as the
 * reason; nor does the `link` of a link mark.
 */
const MIN_EVIDENCE_LENGTH = 5;
const NOT_EVIDENCE = new Set(
  'hello about please thank thanks merci bonjour salut coucou votre notre leurs their there which would could these those where quand aussi encore toujours avant apres'.split(' '),
);
/** Long messages are read up to here: the opening of a post is where a pitch shows. */
const MAX_TOKENS = 400;

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
/** `€ $ £ % @ ⟦`: one-character tokens. */
const isSignCode = (c: number): boolean => c === 0x20ac || c === 36 || c === 0xa3 || c === 37 || c === 64 || c === 0x27e6;

/**
 * Where the token starting at `i` of a folded message (`NormalizedText.text`) ends, or -1 when `i` holds
 * no token. Tokens are runs of letters and digits, currency signs, `%`, `@` and the link mark `⟦`. The
 * one scanner both the training tool (`wordStems`) and the reader (`readWords`) use.
 */
function tokenEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (isSignCode(c)) return i + 1;
  if (!isWordCode(c)) return -1;
  let end = i + 1;
  while (end < s.length && isWordCode(s.charCodeAt(end))) end++;
  return end;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

function stemOf(word: string): string {
  if (isDigitCode(word.charCodeAt(0))) return '#';
  if (word === '⟦') return '<link>';
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** The stems of a folded message, in order. */
export function wordStems(folded: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < folded.length && out.length < MAX_TOKENS; ) {
    const end = tokenEnd(folded, i);
    if (end < 0) {
      i++;
      continue;
    }
    out.push(stemOf(folded.slice(i, end)));
    i = end;
  }
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

/** The shipped models (`word-models/`), in the order of a table's columns. */
export const MODEL_NAMES = ['promotion', 'insult', 'defamation', 'proselytism'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
const SHIPPED: Record<ModelName, string> = { promotion: PROMOTION, insult: INSULT, defamation: DEFAMATION, proselytism: PROSELYTISM };

/**
 * Weights as an open-addressing table keyed by a 32-bit hash of each stem or pair, one column per model,
 * so reading a message allocates no strings: the hot path sees only character codes and numbers. Two
 * different features sharing a hash (about one chance in a million per message with ~10,000 keys)
 * would only misread that one feature.
 */
export interface WordTable {
  keys: Int32Array;
  /**
   * `values[slot * width + model]`, in thousandths: the training tool writes weights rounded to three
   * decimals, so 16-bit integers hold them exactly (|weight| < 32), and a quarter of the bytes of doubles
   * keeps more of the table in cache (each word is a random probe into it).
   */
  values: Int16Array;
  width: number;
  mask: number;
  bias: Float64Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `s.slice(start, end)`, never 0 (0 marks an empty slot). */
function hashOf(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h === 0 ? 1 : h;
}

function pairHash(a: number, b: number): number {
  const h = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, FNV_PRIME) ^ 0x5bd1e995;
  return h === 0 ? 1 : h;
}

const NUMBER_HASH = hashOf('#', 0, 1);
const LINK_HASH = hashOf('<link>', 0, 6);

/** The hash of `stemOf(s.slice(start, end))`, without building the string. */
function stemHash(s: string, start: number, end: number): number {
  const c = s.charCodeAt(start);
  if (isDigitCode(c)) return NUMBER_HASH;
  if (c === 0x27e6) return LINK_HASH;
  return hashOf(s, start, Math.min(end, start + STEM_LENGTH));
}

function featureHash(feature: string): number {
  const space = feature.indexOf(' ');
  if (space < 0) return hashOf(feature, 0, feature.length);
  return pairHash(hashOf(feature, 0, space), hashOf(feature, space + 1, feature.length));
}

function slotOf(table: WordTable, h: number): number {
  let i = h & table.mask;
  while (table.keys[i] !== 0 && table.keys[i] !== h) i = (i + 1) & table.mask;
  return i;
}

/** Builds one table from `feature → weight` maps (the shipped file, or the training tool's own fits). */
export function wordTable(models: readonly ReadonlyMap<string, number>[]): WordTable {
  const width = models.length;
  const distinct = new Set(models.flatMap((m) => [...m.keys()]));
  // A third of the slots or more stay empty: probes stay short, and the table small enough for the cache.
  let size = 16;
  while (size < distinct.size * 1.5) size *= 2;
  const table: WordTable = { keys: new Int32Array(size), values: new Int16Array(size * width), width, mask: size - 1, bias: new Float64Array(width) };
  models.forEach((weights, model) => {
    for (const [feature, weight] of weights) {
      if (feature === '^') {
        table.bias[model] = weight;
        continue;
      }
      const h = featureHash(feature);
      const i = slotOf(table, h);
      table.keys[i] = h;
      const thousandths = Math.round(weight * 1000);
      if (Math.abs(thousandths) > 0x7fff) throw new Error(`word model weight out of range: ${feature} ${weight}`);
      table.values[i * width + model] = thousandths;
    }
  });
  return table;
}

/** Reads a generated model: one `feature<TAB>weight` per line. */
function parseWordModel(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const entry of text.split('\n')) {
    const tab = entry.lastIndexOf('\t');
    if (tab > 0) map.set(entry.slice(0, tab), Number(entry.slice(tab + 1)));
  }
  return map;
}

let shipped: WordTable | undefined;

function shippedTable(): WordTable {
  shipped ??= wordTable(MODEL_NAMES.map((name) => parseWordModel(SHIPPED[name])));
  return shipped;
}

// Features already counted in the message being read: a small table reset by bumping a generation.
const SEEN_SIZE = 2048; // > 2 × MAX_TOKENS features
const seenKeys = new Int32Array(SEEN_SIZE);
const seenGen = new Uint32Array(SEEN_SIZE);
let generation = 0;

/** Marks `h` as counted; false when it already was. */
function firstTime(h: number): boolean {
  let i = h & (SEEN_SIZE - 1);
  while (seenGen[i] === generation) {
    if (seenKeys[i] === h) return false;
    i = (i + 1) & (SEEN_SIZE - 1);
  }
  seenGen[i] = generation;
  seenKeys[i] = h;
  return true;
}

/** Every model's reading of one message: log-odds, and where the word that weighed most towards it is. */
export interface WordReadings {
  logits: Float64Array;
  /** `[start, end)` in `text` of each model's strongest word (`strongestWord`). */
  spans: Int32Array;
  text: string;
}

/** The word that weighed most towards `model`, for the reason shown to a member ('' when none did). */
export function strongestWord(r: WordReadings, model: number): string {
  return r.text.slice(r.spans[model * 2]!, r.spans[model * 2 + 1]!);
}

/** Per model, the weight of its strongest word so far (scratch for `readWords`; tables have ≤ 16 models). */
const best = new Float64Array(16);

/**
 * Reads a folded message with every model of `table`: the same features as `wordFeatures` (each stem
 * and pair once), summed, hashing the characters in place: no string is built per word.
 */
export function readWords(folded: string, table: WordTable = shippedTable()): WordReadings {
  generation = generation === 0xffffffff ? 1 : generation + 1;
  if (generation === 1) seenGen.fill(0);
  const width = table.width;
  // Summed in thousandths (exact integers), turned into log-odds at the end.
  const sums = new Int32Array(width);
  const spans = new Int32Array(width * 2);
  best.fill(0);
  let prev = 0;
  let count = 0;
  const n = folded.length;
  for (let i = 0; i < n && count < MAX_TOKENS; ) {
    const start = i;
    const end = tokenEnd(folded, i);
    if (end < 0) {
      i++;
      continue;
    }
    i = end;
    const h = stemHash(folded, start, end);
    count++;
    if (firstTime(h)) {
      const slot = slotOf(table, h);
      if (table.keys[slot] === h) {
        const quotable = i - start >= MIN_EVIDENCE_LENGTH && h !== NUMBER_HASH && prev !== LINK_HASH;
        const base = slot * width;
        for (let m = 0; m < width; m++) {
          const v = table.values[base + m]!;
          sums[m] += v;
          if (v > best[m]! && quotable && !NOT_EVIDENCE.has(folded.slice(start, i))) {
            best[m] = v;
            spans[m * 2] = start;
            spans[m * 2 + 1] = i;
          }
        }
      }
    }
    if (prev !== 0) {
      const p = pairHash(prev, h);
      if (firstTime(p)) {
        const slot = slotOf(table, p);
        if (table.keys[slot] === p) {
          const base = slot * width;
          for (let m = 0; m < width; m++) sums[m] += table.values[base + m]!;
        }
      }
    }
    prev = h;
  }
  const logits = new Float64Array(width);
  for (let m = 0; m < width; m++) logits[m] = table.bias[m]! + sums[m]! / 1000;
  return { logits, spans, text: folded };
}

export interface WordReading {
  /** The model's log-odds. */
  logit: number;
  /** The word (not stem) that weighed most towards it, for the reason shown to a member. */
  strongest: string;
}

/** One model's reading (`model` = column of `table`; the promotion model by default). */
export function readWording(folded: string, table: WordTable = shippedTable(), model = 0): WordReading {
  const r = readWords(folded, table);
  return { logit: r.logits[model]!, strongest: strongestWord(r, model) };
}

/** The shipped models' reading of a message, read once and kept on it (promotion and conduct share it). */
export function wordsOf(n: NormalizedText): WordReadings {
  n.words ??= readWords(n.text);
  return n.words;
}

/** Column of a shipped model in `wordsOf(n)`. */
export const MODEL_COLUMN = Object.fromEntries(MODEL_NAMES.map((name, i) => [name, i])) as Record<ModelName, number>;

/**
 * How the word model's reading joins the hand-written signals' log-odds. It lifts a message the signals
 * found borderline or missed (wording they have no list for), and pulls down chat whose wording is
 * plainly conversational. It never outvotes a signal that says what the message is instead (those
 * marked `innocent` in `promotion-features.ts`: an answer to a request for a provider, coop news,
 * someone else's business, a discussion of prices…): then the wording may only lower the score.
 *
 * How much it counts (`scale · logit + offset`) is fitted by `npm run train` together with the signals'
 * weights (`weights.ts`), each line read by a word model fitted without its file.
 */
export function wordingWeight(logit: number, innocentSignal: boolean, scale: number, offset: number): number {
  const w = scale * logit + offset;
  return innocentSignal ? Math.min(w, 0) : w;
}

/** The reason shown to a member when the wording weighed in. */
export const WORDING_SIGNAL = {
  code: 'wording',
  fr: (e: string): string => (e ? `des tournures d'annonce (« ${e} »)` : "des tournures d'annonce"),
  en: (e: string): string => (e ? `advert-like wording ("${e}")` : 'advert-like wording'),
};
