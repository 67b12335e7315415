/**
 * A tiny reader for the regex sources of this folder: enough to split alternations and walk atoms,
 * so `word-gate.ts` can read the phrase lists without a parser dependency. It understands escapes,
 * character classes and groups; that is all our patterns use.
 */

/** Index just after the atom starting at `i` (escape, class, group or single character). */
export function atomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') {
    const e = src[i + 1];
    if ((e === 'u' || e === 'p' || e === 'P') && src[i + 2] === '{') return src.indexOf('}', i) + 1 || src.length;
    if (e === 'u') return i + 6;
    if (e === 'x') return i + 4;
    if (e === 'c') return i + 3;
    if (e === 'k' && src[i + 2] === '<') return src.indexOf('>', i) + 1 || src.length;
    return i + 2;
  }
  if (c === '[') {
    let j = i + 1;
    if (src[j] === '^') j++;
    for (; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ']') return j + 1;
    }
    return src.length;
  }
  if (c === '(') return groupEnd(src, i) + 1;
  return i + 1;
}

/** Index of the `)` closing the group opened at `open`. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = atomEnd(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return src.length;
}

/** Splits a sequence at its top-level `|`. */
export function splitAlternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < src.length; ) {
    if (src[i] === '|') {
      out.push(src.slice(start, i));
      start = i + 1;
      i++;
    } else i = atomEnd(src, i);
  }
  out.push(src.slice(start));
  return out;
}

/** `?`, `*`, `+` or `{`: the atom before it may repeat or be absent. */
export function isQuantifier(c: string | undefined): boolean {
  return c === '?' || c === '*' || c === '+' || c === '{';
}

/** Index just after the quantifier (`?`, `*`, `+`, `{n,m}`, each maybe lazy) at `i`, or `i` when none. */
export function quantifierEnd(src: string, i: number): number {
  let j = i;
  if (src[j] === '?' || src[j] === '*' || src[j] === '+') j++;
  else if (src[j] === '{') j = src.indexOf('}', j) + 1 || src.length;
  else return i;
  return src[j] === '?' ? j + 1 : j;
}
