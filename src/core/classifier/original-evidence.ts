import { foldChar } from './normalize-text.js';

/**
 * The detector reads a folded copy of the message (no accents, lower case, tricks undone), so its
 * evidence reads « ecrivez-moi » or « seance ». Shown to a member, the words should be their own:
 * this finds the evidence back in the original text and returns it as written, or the folded
 * evidence when it can't be found (a trick was undone, the words were spread out).
 *
 * It folds the original the same way, remembering where each folded character came from, and looks
 * the evidence up there: no pattern to build per evidence, one pass per message.
 */

import { WINDOW_HEAD, WINDOW_TAIL } from './normalize-text.js';

/**
 * The detector reads only the head and the tail of a long message (`boundedWindow`), so evidence can
 * only come from there: the search looks at those two parts (with a little slack), never the middle.
 */
const HEAD = WINDOW_HEAD + 200;
const TAIL = WINDOW_TAIL + 200;

interface FoldedOriginal {
  /** Lower case, accents off, every run of white space one space: `length` UTF-16 units of `units`. */
  units: Uint16Array;
  length: number;
  /** For each character of `text`, where its source character starts and ends in the original. */
  start: Int32Array;
  end: Int32Array;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x200a || c === 0x3000;

const lowered = new Map<string, string>();

/** `foldChar`, lower-cased, remembered (chat uses a few hundred distinct non-ASCII characters). */
function foldLower(ch: string): string {
  let f = lowered.get(ch);
  if (f === undefined) {
    f = foldChar(ch).toLowerCase();
    if (lowered.size < 4096) lowered.set(ch, f);
  }
  return f;
}

/** First index of `needle` in `units[0..length)`, or -1 (evidence is short: a plain scan is enough). */
function indexOfUnits(units: Uint16Array, length: number, needle: string): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length <= length; i++) {
    if (units[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (units[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

// Buffers reused from one message to the next (grown when a longer one comes): no allocation per message.
let out = new Uint16Array(1024);
let start = new Int32Array(1024);
let end = new Int32Array(1024);

function foldWithOffsets(original: string): FoldedOriginal {
  // A long message: head and tail, with a space between so no word is made across the cut.
  const long = original.length > HEAD + TAIL;
  const tailFrom = original.length - TAIL;
  const src = long ? `${original.slice(0, HEAD)} ${original.slice(tailFrom)}` : original;
  /** Index in `original` of index `i` of `src`. */
  const at = (i: number): number => (long && i > HEAD ? i - HEAD - 1 + tailFrom : i);
  // Folding never yields more than 4 characters for one (`ﬃ` → `ffi`).
  const size = src.length * 4 + 1;
  if (out.length < size) {
    out = new Uint16Array(size);
    start = new Int32Array(size);
    end = new Int32Array(size);
  }
  let n = 0;
  for (let i = 0; i < src.length; ) {
    const c = src.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = pair ? 2 : 1;
    if (isSpace(c)) {
      if (n === 0 || out[n - 1] !== 32) { start[n] = at(i); end[n] = at(i) + 1; out[n++] = 32; }
    } else if (c < 0x80) {
      start[n] = at(i); end[n] = at(i) + 1; out[n++] = c >= 65 && c <= 90 ? c + 32 : c;
    } else {
      const f = foldLower(src.slice(i, i + width));
      for (let k = 0; k < f.length && n < size; k++) { start[n] = at(i); end[n] = at(i) + width; out[n++] = f.charCodeAt(k); }
    }
    i += width;
  }
  return { units: out, length: n, start, end };
}

// Up to eight reasons (two languages) look in the same message: lower-case and fold it once.
let lastOriginal: string | undefined;
let lastLower: string | undefined;
let lastFolded: FoldedOriginal | undefined;

export function evidenceInOriginal(evidence: string, original: string): string {
  if (evidence === '' || original.includes(evidence)) return evidence;
  if (original !== lastOriginal) {
    lastOriginal = original;
    // Lower-casing a pasted book would cost more than it saves: long messages go to the folded search.
    lastLower = original.length <= HEAD + TAIL ? original.toLowerCase() : '';
    lastFolded = undefined;
  }
  // Most often only the case differs (« MP », « Réservez » read as « mp », « réservez »).
  if (lastLower!.length === original.length) {
    const at = lastLower!.indexOf(evidence);
    if (at >= 0) return original.slice(at, at + evidence.length);
  }
  const folded = (lastFolded ??= foldWithOffsets(original));
  const needle = evidence.toLowerCase().replace(/\s+/g, ' ');
  const at = needle.length === 0 ? -1 : indexOfUnits(folded.units, folded.length, needle);
  if (at < 0) return evidence;
  const from = folded.start[at]!;
  const to = folded.end[at + needle.length - 1]!;
  // Found across the cut between head and tail: not words the member wrote together.
  return to - from > needle.length * 4 + 8 ? evidence : original.slice(from, to);
}
