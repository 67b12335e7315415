/**
 * The detector's output types. Stable API used by the policy, the CLI and the adapters' tests.
 * The detector itself lives beside this file (`classify-message.ts`).
 */

/** One human-readable reason, in both languages, e.g. fr "un prix (490 €)", en "a price (€490)". */
export interface Reason {
  /** Stable signal code, e.g. `price`, `call_to_action`, `discount_code`. */
  code: string;
  fr: string;
  en: string;
}

export interface PromotionVerdict {
  /** `score >= threshold`. */
  promotional: boolean;
  /** 0..1, how sure the detector is that this is commercial self-promotion. */
  score: number;
  /** Why, strongest first; empty when nothing was noticed. */
  reasons: Reason[];
}

/** Conduct problems, reported to the committee only (never a DM). */
export type ConductFlag = 'insult' | 'defamation' | 'proselytism';

export interface ConductVerdict {
  flags: ConductFlag[];
  reasons: Reason[];
}

export interface MessageVerdict extends PromotionVerdict {
  conduct: ConductVerdict;
}

export interface ClassifyOptions {
  /** Text of the thread root when the message is a reply (solicited answers are not prospecting). */
  parentText?: string;
  /** Promotion threshold, default `DEFAULT_THRESHOLD`; the committee may change it (`/charte seuil`). */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.5;
