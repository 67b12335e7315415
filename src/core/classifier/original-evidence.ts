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

function foldWithOffsets(original: string): FoldedOriginal {
  const src = original.length > SEARCH_LIMIT ? original.slice(0, SEARCH_LIMIT) : original;
  // Folding never yields more than 4 characters for one (`ﬃ` → `ffi`); size generously once.
  const start = new Int32Array(src.length * 4 + 1);
  const end = new Int32Array(src.length * 4 + 1);
  let text = '';
  for (let i = 0; i < src.length; ) {
    const c = src.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = pair ? 2 : 1;
    if (isSpace(c)) {
      if (!text.endsWith(' ')) { start[text.length] = i; end[text.length] = i + 1; text += ' '; }
    } else {
      const f = c < 0x80 ? src[i]!.toLowerCase() : foldChar(src.slice(i, i + width)).toLowerCase();
      for (let k = 0; k < f.length && text.length < start.length; k++) { start[text.length] = i; end[text.length] = i + width; text += f[k]; }
    }
    i += width;
  }
  return { text, start, end };
}

// Up to eight reasons (two languages) look in the same message: fold it once.
let lastOriginal: string | undefined;
let lastFolded: FoldedOriginal | undefined;

export function evidenceInOriginal(evidence: string, original: string): string {
  if (evidence === '' || original.includes(evidence)) return evidence;
  if (original !== lastOriginal || !lastFolded) {
    lastFolded = foldWithOffsets(original);
    lastOriginal = original;
  }
  const folded = lastFolded;
  const needle = evidence.toLowerCase().replace(/\s+/g, ' ');
  const at = folded.text.indexOf(needle);
  if (at < 0 || needle.length === 0) return evidence;
  return original.slice(folded.start[at]!, folded.end[at + needle.length - 1]!);
}
