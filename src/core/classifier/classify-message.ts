import { DEFAULT_THRESHOLD, type ClassifyOptions, type ConductVerdict, type MessageVerdict, type PromotionVerdict, type Reason } from './verdict.js';
import { normalizeText, type NormalizedText } from './normalize-text.js';
import { FEATURES, extractFeatures } from './promotion-features.js';
import { detectConductIn } from './detect-conduct.js';
import { WEIGHTS } from './weights.js';

export { isAllowedChannel } from './is-allowed-channel.js';

/**
 * The promotion detector: hand-written signals (see `promotion-features.ts`) combined in a logistic
 * score, `score = 1 / (1 + e^-(bias + Σ weight·signal))`. Pure: no clock, no I/O, no environment.
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

function normalizeParent(parentText: string | undefined): NormalizedText | undefined {
  return typeof parentText === 'string' && parentText.trim() !== '' ? normalizeText(parentText) : undefined;
}

export function explainPromotion(text: string, options: ClassifyOptions = {}, pre?: { n: NormalizedText; parent?: NormalizedText }): PromotionExplanation {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const n = pre?.n ?? normalizeText(text);
  const parent = pre ? pre.parent : normalizeParent(options.parentText);
  const { hits } = extractFeatures({ n, parent });
  let logit = WEIGHTS.bias;
  const contributions: Contribution[] = [];
  for (let i = 0; i < FEATURES.length; i++) {
    const h = hits[i];
    if (!h) continue;
    const f = FEATURES[i];
    const weight = weightOf(f.code, f.prior);
    if (weight === 0) continue;
    logit += weight;
    contributions.push({ code: f.code, weight, reason: { code: f.code, fr: f.fr(h.evidence), en: f.en(h.enEvidence ?? h.evidence) } });
  }
  contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const raw = Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;
  // Thread rule: answering an explicit request for a provider is not prospecting, however
  // commercial the answer reads. The score still says how commercial it was.
  const solicited = contributions.some((c) => c.code === 'solicited_reply');
  const promotional = raw >= threshold && !solicited;
  const score = promotional || raw < threshold ? raw : Math.round(threshold * 980) / 1000;
  // Reasons say why it looks like promotion; when nothing commercial was seen they stay empty.
  const reasons = contributions.filter((c) => c.weight > 0.25).slice(0, MAX_REASONS).map((c) => c.reason);
  return { promotional, score, reasons, contributions, logit };
}

export function classifyPromotion(text: string, options: ClassifyOptions = {}): PromotionVerdict {
  const { promotional, score, reasons } = explainPromotion(text, options);
  return { promotional, score, reasons };
}

export function detectConduct(text: string, options: ClassifyOptions = {}): ConductVerdict {
  return detectConductIn(normalizeText(text), normalizeParent(options.parentText));
}

export function classifyMessage(text: string, options: ClassifyOptions = {}): MessageVerdict {
  const n = normalizeText(text);
  const parent = normalizeParent(options.parentText);
  const { promotional, score, reasons } = explainPromotion(text, options, { n, parent });
  const conduct = detectConductIn(n, parent);
  // An insult is not an advert: "va vendre tes salades" must not earn a promotion reminder.
  if (conduct.flags.length > 0 && promotional && score < 0.9) {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    return { promotional: false, score: Math.min(score, Math.round(threshold * 980) / 1000), reasons: [], conduct };
  }
  return { promotional, score, reasons, conduct };
}

export { DEFAULT_THRESHOLD };
