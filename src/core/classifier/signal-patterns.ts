/**
 * The vocabulary of commercial self-promotion (and of its innocent look-alikes), as regexes over the
 * folded text of `normalizeText` (lower case, no accents, links replaced by ⟦link⟧).
 *
 * General signals only: currencies and rates, discount shapes, calls to act, first-person offers… never
 * phrases lifted from a data set. Every regex is a flat alternation or uses bounded quantifiers only, so
 * matching stays linear (no nested `(a+)+` shapes).
 */

// One module per family; `promotion-features.ts` reads them all through this one (`import * as P`).
export * from './money-patterns.js';
export * from './reach-patterns.js';
export * from './pitch-patterns.js';
export * from './innocent-patterns.js';
