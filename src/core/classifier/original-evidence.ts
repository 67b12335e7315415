/**
 * The detector reads a folded copy of the message (no accents, lower case, tricks undone), so its
 * evidence reads « ecrivez-moi » or « seance ». Shown to a member, the words should be their own:
 * this finds the evidence back in the original text and returns it as written, or the folded
 * evidence when it can't be found (a trick was undone, the words were spread out).
 */

/** Evidence is short and near the start; a bounded search keeps this cheap on huge messages. */
const SEARCH_LIMIT = 20_000;

const VARIANTS: Record<string, string> = {
  a: '[aàâäáãå]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîïíì]',
  o: '[oôöóòõ]',
  u: '[uùûüú]',
  y: '[yÿý]',
  n: '[nñ]',
  "'": "['’‘`]",
};

/** A linear pattern (character classes and `\s+` only) matching the folded evidence in the original. */
function patternOf(folded: string): RegExp {
  let source = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    const next = folded[i + 1];
    if ((ch === 'o' || ch === 'a') && next === 'e') {
      source += ch === 'o' ? '(?:oe|œ)' : '(?:ae|æ)';
      i++;
    } else if (/\s/.test(ch)) {
      source += '\\s+';
      while (i + 1 < folded.length && /\s/.test(folded[i + 1]!)) i++;
    } else source += VARIANTS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source, 'iu');
}

/** The same words come back often (« séance », « écrivez-moi »): compile each pattern once. */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 500;

function cachedPattern(folded: string): RegExp {
  let re = patterns.get(folded);
  if (!re) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    re = patternOf(folded);
    patterns.set(folded, re);
  }
  return re;
}

export function evidenceInOriginal(evidence: string, original: string): string {
  if (evidence === '' || original.includes(evidence)) return evidence;
  const found = cachedPattern(evidence.toLowerCase()).exec(original.length > SEARCH_LIMIT ? original.slice(0, SEARCH_LIMIT) : original);
  return found ? found[0] : evidence;
}
