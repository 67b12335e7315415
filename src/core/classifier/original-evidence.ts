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

/** Evidence is short and near the start; a bounded search keeps this cheap on huge messages. */
const SEARCH_LIMIT = 20_000;

interface FoldedOriginal {
  /** Lower case, accents off, every run of white space one space. */
  text: string;
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

const utf16 = new TextDecoder('utf-16le');

// Buffers reused from one message to the next (grown when a longer one comes): no allocation per message.
let out = new Uint16Array(1024);
let start = new Int32Array(1024);
let end = new Int32Array(1024);

function foldWithOffsets(original: string): FoldedOriginal {
  const src = original.length > SEARCH_LIMIT ? original.slice(0, SEARCH_LIMIT) : original;
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
      if (n === 0 || out[n - 1] !== 32) { start[n] = i; end[n] = i + 1; out[n++] = 32; }
    } else if (c < 0x80) {
      start[n] = i; end[n] = i + 1; out[n++] = c >= 65 && c <= 90 ? c + 32 : c;
    } else {
      const f = foldLower(src.slice(i, i + width));
      for (let k = 0; k < f.length && n < size; k++) { start[n] = i; end[n] = i + width; out[n++] = f.charCodeAt(k); }
    }
    i += width;
  }
  return { text: utf16.decode(out.subarray(0, n)), start, end };
}

// Up to eight reasons (two languages) look in the same message: lower-case and fold it once.
let lastOriginal: string | undefined;
let lastLower: string | undefined;
let lastFolded: FoldedOriginal | undefined;

export function evidenceInOriginal(evidence: string, original: string): string {
  if (evidence === '' || original.includes(evidence)) return evidence;
  if (original !== lastOriginal) {
    lastOriginal = original;
    lastLower = original.toLowerCase();
    lastFolded = undefined;
  }
  // Most often only the case differs (« MP », « Réservez » read as « mp », « réservez »).
  if (lastLower!.length === original.length) {
    const at = lastLower!.indexOf(evidence);
    if (at >= 0) return original.slice(at, at + evidence.length);
  }
  const folded = (lastFolded ??= foldWithOffsets(original));
  const needle = evidence.toLowerCase().replace(/\s+/g, ' ');
  const at = folded.text.indexOf(needle);
  if (at < 0 || needle.length === 0) return evidence;
  return original.slice(folded.start[at]!, folded.end[at + needle.length - 1]!);
}
