/**
 * The detector reads a folded copy of the message (no accents, lower case, tricks undone), so its
 * evidence reads « ecrivez-moi » or « seance ». Shown to a member, the words should be their own:
 * this finds the evidence back in the original text and returns it as written, or the folded
 * evidence when it can't be found (a trick was undone, the words were spread out).
 */
const MARKS = /\p{M}/gu;
/** Evidence is short and near the start; a bounded scan keeps this linear and cheap. */
const SCAN_LIMIT = 20_000;

function foldChar(ch: string): string {
  if (ch === '’' || ch === '‘' || ch === '`') return "'";
  const f = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
  return f === 'œ' ? 'oe' : f === 'æ' ? 'ae' : f;
}

export function evidenceInOriginal(evidence: string, original: string): string {
  if (evidence === '' || original.includes(evidence)) return evidence;
  const needle = evidence.toLowerCase();
  let folded = '';
  const origin: number[] = [];
  const limit = Math.min(original.length, SCAN_LIMIT);
  for (let i = 0; i < limit; ) {
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  const at = folded.indexOf(needle);
  if (at < 0) return evidence;
  const start = origin[at]!;
  const last = origin[at + needle.length - 1]!;
  return original.slice(start, last + String.fromCodePoint(original.codePointAt(last)!).length);
}
