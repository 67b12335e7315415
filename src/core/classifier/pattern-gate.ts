import type { NormalizedText } from './normalize-text.js';
import { WordGate } from './word-gate.js';

/**
 * One `WordGate` over every pattern the detector runs on a message's folded text (promotion signals and
 * conduct), so each message is scanned once whoever asks. Modules register their patterns as they load;
 * the gate is built when the first message arrives.
 */

const patterns: RegExp[] = [];
let gate: WordGate | undefined;

/** Registers a pattern run on `NormalizedText.text`; returns its slot in `gateOf`'s answer. */
export function gatePattern(re: RegExp): number {
  if (gate) throw new Error('gatePattern: register patterns when the module loads, before the first message');
  patterns.push(re);
  return patterns.length - 1;
}

/** `gateOf(n)[slot] === 0` when the pattern in `slot` certainly does not match `n.text`. */
export function gateOf(n: NormalizedText): Uint8Array {
  if (n.gate === undefined) {
    gate ??= new WordGate(patterns);
    n.gate = gate.scan(n.text);
  }
  return n.gate;
}

/** Every registered pattern, by slot (for tests and the benchmark). */
export function gatedPatterns(): readonly RegExp[] {
  return [...patterns];
}
