import { DEFAULT_THRESHOLD, type ClassifyOptions, type ConductVerdict, type MessageVerdict, type PromotionVerdict } from './verdict.js';

// PLACEHOLDER until the detector lands (issue 2): same signatures, naive behaviour, so the rest of
// the codebase can compile and be tested against the real API. Replaced wholesale by the detector.

export function classifyPromotion(text: string, options: ClassifyOptions = {}): PromotionVerdict {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const hasPrice = /\d+\s?€/.test(text);
  const score = hasPrice ? 0.8 : 0;
  return {
    promotional: score >= threshold,
    score,
    reasons: hasPrice ? [{ code: 'price', fr: 'un prix', en: 'a price' }] : [],
  };
}

export function detectConduct(text: string, _options: ClassifyOptions = {}): ConductVerdict {
  return /\bcon\b|clown/i.test(text)
    ? { flags: ['insult'], reasons: [{ code: 'insult', fr: 'une insulte', en: 'an insult' }] }
    : { flags: [], reasons: [] };
}

export function classifyMessage(text: string, options: ClassifyOptions = {}): MessageVerdict {
  return { ...classifyPromotion(text, options), conduct: detectConduct(text, options) };
}
