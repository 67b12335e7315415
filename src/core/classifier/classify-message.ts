import { DEFAULT_THRESHOLD, type ClassifyOptions, type ConductVerdict, type MessageVerdict, type PromotionVerdict, type Reason } from './verdict.js';
import { normalizeText, type NormalizedText } from './normalize-text.js';
import { FEATURES, INNOCENT_AT, detectFeatures, type FeatureHit } from './promotion-features.js';
import { detectConductIn } from './detect-conduct.js';
import { WEIGHTS } from './weights.js';
import { evidenceInOriginal } from './original-evidence.js';
import { gatedPatterns, prefetchGated } from './pattern-gate.js';
import { MODEL_COLUMN, strongestWord, wordingWeight, wordsOf, WORDING_SIGNAL } from './word-model.js';

export { isAllowedChannel } from './is-allowed-channel.js';

/**
 * The promotion detector: hand-written signals (see `promotion-features.ts`) combined in a logistic
 * score, `score = 1 / (1 + e^-(bias + Σ weight·signal + wording))`, where `wording` is the learned word
 * model's say (`word-model.ts`). Pure: no clock, no I/O, no environment.
 */

/** How far a signal moved the score, for explanations (`eval --errors`) and reasons. */
export interface Contribution {
  code: string;
  weight: number;
  reason: Reason;
}

export interface PromotionExplanation extends PromotionVerdict {
  /** Every signal that fired, positive and negative, strongest first. */
  contributions: Contribution[];
  /** Raw logit before the sigmoid. */
  logit: number;
}

const MAX_REASONS = 4;

function weightOf(code: string, prior: number): number {
  const w = WEIGHTS.weights[code];
  return typeof w === 'number' ? w : prior;
}

/** Weights in `FEATURES` order, looked up once. */
const FEATURE_WEIGHTS = FEATURES.map((f) => weightOf(f.code, f.prior));
const SOLICITED = FEATURES.findIndex((f) => f.code === 'solicited_reply');
/** Counts the other signals: it weighs in the score but tells a member nothing the others don't say. */
const STACKED = FEATURES.find((f) => f.code === 'stacked_pitch');

function normalizeParent(parentText: string | undefined): NormalizedText | undefined {
  return typeof parentText === 'string' && parentText.trim() !== '' ? normalizeText(parentText) : undefined;
}

interface Signal { code: string; fr: (evidence: string) => string; en: (evidence: string) => string }

interface Fired { def: Signal; weight: number; hit: FeatureHit }

interface Scored { promotional: boolean; score: number; logit: number; fired: Fired[] }

function reasonOf(f: Fired, original: string): Reason {
  const def = f.def;
  const evidence = evidenceInOriginal(f.hit.evidence, original);
  const enEvidence = f.hit.enEvidence === undefined ? evidence : evidenceInOriginal(f.hit.enEvidence, original);
  return { code: def.code, fr: def.fr(evidence), en: def.en(enEvidence) };
}

function score(n: NormalizedText, parent: NormalizedText | undefined, threshold: number): Scored {
  const hits = detectFeatures({ n, parent });
  let logit = WEIGHTS.bias;
  let solicited = false;
  let innocent = false;
  const fired: Fired[] = [];
  for (let i = 0; i < FEATURES.length; i++) {
    const hit = hits[i];
    if (!hit) continue;
    const weight = FEATURE_WEIGHTS[i];
    if (weight === 0) continue;
    logit += weight;
    if (i === SOLICITED) solicited = true;
    if (INNOCENT_AT[i]) innocent = true;
    fired.push({ def: FEATURES[i], weight, hit });
  }
  const words = wordsOf(n);
  const wording = wordingWeight(words.logits[MODEL_COLUMN.promotion]!, innocent, WEIGHTS.wordScale, WEIGHTS.wordOffset);
  if (wording !== 0) {
    logit += wording;
    // A wording that pulls the score down has no word to quote.
    fired.push({ def: WORDING_SIGNAL, weight: wording, hit: { evidence: wording > 0 ? strongestWord(words, MODEL_COLUMN.promotion) : '' } });
  }
  fired.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const raw = Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;
  // Thread rule: answering an explicit request for a provider is not prospecting, however
  // commercial the answer reads. The score still says how commercial it was.
  const promotional = raw >= threshold && !solicited;
  const s = promotional || raw < threshold ? raw : Math.round(threshold * 980) / 1000;
  return { promotional, score: s, logit, fired };
}

/**
 * Reasons say why it looks like promotion; when nothing commercial was seen they stay empty. The
 * wording reason is the vaguest, so it is told only when the signals have little else to say.
 */
function topReasons(fired: Fired[], original: string): Reason[] {
  const out: Reason[] = [];
  let wording: Fired | undefined;
  for (const f of fired) {
    if (f.weight <= 0.25 || f.def === STACKED) continue;
    if (f.def === WORDING_SIGNAL) {
      wording = f;
      continue;
    }
    out.push(reasonOf(f, original));
    if (out.length === MAX_REASONS) break;
  }
  if (wording && out.length < 2) {
    const reason = reasonOf(wording, original);
    // « Abonnez-vous » already quoted by another reason: the word alone would say it twice.
    const word = evidenceInOriginal(wording.hit.evidence, original).toLowerCase();
    if (word === '' || !out.some((r) => r.fr.toLowerCase().includes(word))) out.push(reason);
  }
  return out;
}

/** The verdict plus every signal that fired (for `eval --errors` and the training tool). */
export function explainPromotion(text: string, options: ClassifyOptions = {}): PromotionExplanation {
  const s = score(normalizeText(text), normalizeParent(options.parentText), options.threshold ?? DEFAULT_THRESHOLD);
  const contributions = s.fired.map((f) => ({ code: f.def.code, weight: Math.round(f.weight * 1000) / 1000, reason: reasonOf(f, text) }));
  return { promotional: s.promotional, score: s.score, reasons: topReasons(s.fired, text), contributions, logit: s.logit };
}

export function classifyPromotion(text: string, options: ClassifyOptions = {}): PromotionVerdict {
  const s = score(normalizeText(text), normalizeParent(options.parentText), options.threshold ?? DEFAULT_THRESHOLD);
  return { promotional: s.promotional, score: s.score, reasons: topReasons(s.fired, text) };
}

export function detectConduct(text: string, options: ClassifyOptions = {}): ConductVerdict {
  return detectConductIn(normalizeText(text), normalizeParent(options.parentText));
}

/**
 * An insult is not an advert: "va vendre tes salades" must not earn a promotion reminder. A message with
 * a conduct flag is left to the committee unless its score says an advert beyond doubt.
 */
export function conductOutranks(score: number, conductFlagged: boolean): boolean {
  return conductFlagged && score < 0.9;
}

export function classifyMessage(text: string, options: ClassifyOptions = {}): MessageVerdict {
  return verdictOf(text, normalizeText(text), normalizeParent(options.parentText), options.threshold ?? DEFAULT_THRESHOLD);
}

const MAX_BATCH = 512;

/** One message of a batch: its text and the options `classifyMessage` would take. */
export interface MessageInput extends ClassifyOptions {
  text: string;
}

/**
 * `classifyMessage` for many messages at once (the `classify` command's lines): the same verdicts, in
 * the same order, for less work per message. Each step runs over the whole batch before the next one,
 * so the code and tables of one step stay in the processor's caches (`prefetchGated` says why that
 * matters most for the phrase lists).
 */
export function classifyMessages(inputs: readonly MessageInput[]): MessageVerdict[] {
  // What a batch keeps per message must stay in cache too: 1,600 at a time measured slower than 100 to 800.
  if (inputs.length > MAX_BATCH) {
    const out: MessageVerdict[] = [];
    for (let i = 0; i < inputs.length; i += MAX_BATCH) out.push(...classifyMessages(inputs.slice(i, i + MAX_BATCH)));
    return out;
  }
  const ns = inputs.map((m) => normalizeText(m.text));
  const parents = inputs.map((m) => normalizeParent(m.parentText));
  for (const n of ns) wordsOf(n);
  prefetchGated(ns);
  return inputs.map((m, i) => verdictOf(m.text, ns[i]!, parents[i], m.threshold ?? DEFAULT_THRESHOLD));
}

function verdictOf(text: string, n: NormalizedText, parent: NormalizedText | undefined, threshold: number): MessageVerdict {
  const { promotional, score: s, fired } = score(n, parent, threshold);
  const conduct = detectConductIn(n, parent);
  if (promotional && conductOutranks(s, conduct.flags.length > 0)) {
    return { promotional: false, score: Math.min(s, Math.round(threshold * 980) / 1000), reasons: [], conduct };
  }
  return { promotional, score: s, reasons: topReasons(fired, text), conduct };
}

export { DEFAULT_THRESHOLD };

/**
 * Gets the detector ready before the first real message: builds the word gate and has V8 compile every
 * pattern to machine code now (a pattern is interpreted on its first runs, compiled after). V8 compiles a
 * pattern once for text held one byte per character (plain Latin text, the usual folded message) and
 * once for two-byte text (a `€`, an emoji, a link mark), so both are warmed. Costs a few hundred
 * milliseconds once, which otherwise land on the first messages a member sends.
 */
export function warmUpDetector(): void {
  classifyMessage('Bonjour, premier message du jour : atelier à 20 € ? Écrivez-moi en MP.', { parentText: 'Qui connaît un bon graphiste ?' });
  classifyMessage('Bonjour, atelier a 20 eur, ecrivez-moi en MP, code NOEL20', { parentText: 'Qui connait un bon graphiste ?' });
  for (const re of gatedPatterns()) {
    for (const text of ['un petit texte pour chauffer 12 € ?', 'un petit texte pour chauffer 12 eur ?']) {
      for (let i = 0; i < 3; i++) {
        re.lastIndex = 0;
        re.exec(text);
      }
    }
    re.lastIndex = 0;
  }
}
