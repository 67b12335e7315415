import type { WordReadings } from './word-model.js';

/**
 * Turns a raw chat message into one lower-case, accent-free, de-obfuscated string the signals can read,
 * plus the links it carries and how much disguise it took to get there.
 *
 * Every step is a single left-to-right pass or a regex without nested quantifiers, and the input is cut
 * to a bounded window first, so the cost stays linear and small whatever a member pastes.
 */

/** Characters looked at: the head of a long message plus its tail (pitches sit at either end). */
export const WINDOW_HEAD = 3000;
export const WINDOW_TAIL = 1000;

export interface LinkInfo {
  url: string;
  /** Lower-case host without `www.`, e.g. `etsy.com`. */
  domain: string;
  /** Visible label of a Slack `<url|label>` or Markdown `[label](url)` link, if any. */
  label?: string;
}

export interface NormalizedText {
  /** Folded text: lower case, no accents, links replaced by ` ⟦link⟧ `, obfuscation undone. */
  text: string;
  /** Folded text with case kept (accents and disguise removed), for upper-case promo codes. */
  cased: string;
  links: LinkInfo[];
  emails: string[];
  /** Disguise tricks seen, e.g. `spaced letters`, `look-alike letters`; empty for honest text. */
  tricks: string[];
  /** Words (after folding), a cheap length measure. */
  wordCount: number;
  /** Which detector patterns may match `text`: filled by `gateOf` (pattern-gate.ts) on first use. */
  gate?: Uint8Array;
  /** Matches of the gated patterns, by gate slot, as they are run (`gatedMatch`, pattern-gate.ts). */
  matches?: (RegExpExecArray | null | undefined)[];
  /** The word models' reading of `text`: filled by `wordsOf` (word-model.ts) on first use. */
  words?: WordReadings;
}

const LINK_MARK = ' ⟦link⟧ ';

// Cyrillic and Greek letters that look like Latin ones (lower case; upper case is lowered first).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};

function isZeroWidth(cp: number): boolean {
  return cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0x180e;
}

/** Enclosed / squared / regional-indicator letters → Latin letter, or '' when not one. */
function enclosedLetter(cp: number): string {
  if (cp >= 0x1f130 && cp <= 0x1f149) return String.fromCharCode(65 + cp - 0x1f130);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(65 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(65 + cp - 0x1f170);
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(65 + cp - 0x1f1e6);
  return '';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

// Zero-width characters, Greek/Cyrillic, and the surrogate lead of enclosed/regional letters.
const NEEDS_UNMASK = /[\u00ad\u0370-\u052f\u180e\u200b-\u200d\u2060\ufeff\ud83c]/;

/** One pass over code points: drop zero-width characters, map look-alikes and enclosed letters. */
function unmask(raw: string, tricks: Set<string>): string {
  if (!NEEDS_UNMASK.test(raw)) return raw; // the common case: plain chat text
  const chars = Array.from(raw);
  let out = '';
  let hasLatin = false;
  let homoglyphs = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0)!;
    if (isZeroWidth(cp)) {
      // Inside a word it is a disguise; between emoji (👨‍💻) it is just how emoji are built.
      if (isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])) tricks.add('zero-width');
      continue;
    }
    if (cp >= 0x1f130 && cp <= 0x1f1ff) {
      const letter = enclosedLetter(cp);
      if (letter) {
        // A lone pair of regional indicators is a flag (🇫🇷), not a word.
        const isRegional = cp >= 0x1f1e6;
        let run = 1;
        for (let j = i + 1; j < chars.length && enclosedLetter(chars[j].codePointAt(0)!); j++) run++;
        for (let j = i - 1; j >= 0 && enclosedLetter(chars[j].codePointAt(0)!); j--) run++;
        if (isRegional && run < 3) { out += ' '; continue; }
        if (run >= 3) tricks.add('enclosed letters');
        out += letter;
        continue;
      }
    }
    if (cp >= 0x370 && cp <= 0x52f) {
      const lower = ch.toLowerCase();
      const mapped = HOMOGLYPHS[lower];
      if (mapped) { homoglyphs++; out += ch === lower ? mapped : mapped.toUpperCase(); continue; }
    } else if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
      hasLatin = true;
    }
    out += ch;
  }
  if (homoglyphs > 0 && hasLatin) tricks.add('look-alike letters');
  return out;
}

const FOLD_MAP: Record<string, string> = {
  œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', '’': "'", '‘': "'", '`': "'", '´': "'",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
};
const FOLD_CHARS = /[œŒæÆß’‘`´‐‑‒–—]/g;

/** The reference folding of one character: compatibility decomposition, marks dropped, ligatures spelt. */
function foldSlow(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(FOLD_CHARS, (c) => FOLD_MAP[c]!);
}

// Folding works character by character (NFKD never merges characters, and the marks it could reorder
// are dropped), so each non-ASCII character is folded once and remembered. Chat uses a few hundred
// distinct ones; the bound keeps a flood of exotic characters from growing the memory.
const folded = new Map<string, string>();
const FOLDED_MAX = 4096;

export function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    f = foldSlow(ch);
    if (folded.size < FOLDED_MAX) folded.set(ch, f);
  }
  return f;
}

/** Accents off, ligatures spelt out, typographic quotes and dashes made plain; ASCII passes through. */
export function fold(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && c !== 0x60) continue;
    // A surrogate pair is one character (an emoji, a mathematical letter): fold both halves together.
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const ch = pair ? s.slice(i, i + 2) : s[i]!;
    const f = foldChar(ch);
    if (f !== ch) {
      out += s.slice(copied, i) + f;
      copied = i + ch.length;
    }
    if (pair) i++;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

const SLACK_LINK = /<((?:https?|mailto):[^|>\s]{1,2000})(?:\|([^>]{0,500}))?>/g;
const SLACK_REF = /<[@#!]([^|>\s]{1,100})(?:\|([^>]{0,200}))?>/g;
const MD_LINK = /\[([^\]\n]{0,300})\]\((https?:\/\/[^)\s]{1,2000})\)/g;
const SPELLED_DOT = /\s?[[(](?:point|dot)[\])]\s?/g;
const SPELLED_AT = /\s?[[(](?:arobase|at)[\])]\s?/g;
const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}/g;
const TLDS = 'fr|com|net|org|io|co|bzh|shop|store|me|dev|eu|be|ch|app|studio|art|info|biz|xyz|page|site|online|paris|uk|de|es|it|ly|ee|tv|fm|link|bio|pro|coach|lu|sn|tn|ci|cm|nc|pf|nl|pt|ai|tech|fit|care';
const BARE_URL = new RegExp(
  `(?:https?:\\/\\/|www\\.)[^\\s<>()"]{1,2000}|(?<![@\\w.-])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?:${TLDS})(?![\\w-])(?:\\/[^\\s<>()"]{0,2000})?`,
  'g',
);

/** A dot glued to letters (`site.fr`, `www.`) or a scheme: the only way a bare URL can be there. */
const MAYBE_URL = /[a-z0-9-]\.[a-z]{2}|https?:/;

function domainOf(url: string): string {
  const m = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/?#:\s]+)/.exec(url.toLowerCase());
  return m ? m[1] : url.toLowerCase();
}

// Run on folded lower-case text, where letters are plain a-z (accents are gone by then).
const SPACED_RUN = /(?<![a-z0-9])[a-z0-9](?: [a-z0-9]){2,}(?![a-z0-9])/g;
const DOTTED_RUN = /(?<![a-z0-9.])[a-z0-9](?:\.[a-z0-9]){2,}(?![a-z0-9])/g;
const HYPHEN_RUN = /(?<![a-z0-9-])[a-z0-9](?:-[a-z0-9]){2,}(?![a-z0-9])/g;
const SPACED_DIGITS = /(?<![a-z0-9])\d(?:[ .-]\d){1,6}(?= ?(?:€|%|eur))/g;
// Cheap pre-check: at least three single characters in a row separated by one space, dot or hyphen.
// (The word-edge test comes last, as a look-behind, so most positions fail on their first character.)
const MAYBE_SPACED = /[a-z0-9][ .-][a-z0-9][ .-][a-z0-9](?![a-z0-9])(?<![a-z0-9][a-z0-9][ .-][a-z0-9][ .-][a-z0-9])|\d[ .-]\d ?[€%e]|\b[md][.-][pm]\b/;
const TWO_LETTER_MP = /\b([md])[.-]([pm])\b/gi;

/** Re-join `P R O M O`, `c.o.n.t.a.c.t`, `C-R-E-A-T-I-O-N` and `4-9-0 €`. */
function joinSpacedLetters(s: string, tricks: Set<string>): string {
  if (!MAYBE_SPACED.test(s)) return s;
  const join = (run: string, sep: string): string => {
    // A word spelt out has letters; « de 2 à 4 € » or « 3 2 1 » is not one.
    if (!/[a-z].*[a-z]/i.test(run)) return run;
    const letters = run.length - run.split(sep).length + 1;
    if (letters >= 4 && /[a-z].*[a-z].*[a-z]/i.test(run)) tricks.add('spaced letters');
    return run.split(sep).join('');
  };
  return s
    .replace(SPACED_DIGITS, (run) => run.replace(/[ .-]/g, ''))
    .replace(SPACED_RUN, (run) => join(run, ' '))
    .replace(DOTTED_RUN, (run) => join(run, '.'))
    .replace(HYPHEN_RUN, (run) => join(run, '-'))
    .replace(TWO_LETTER_MP, '$1$2');
}

const LETTER_O_AMOUNT = /\d[o0]*o[o0]* ?(?:€|eur)/;
const LETTER_O_AMOUNT_G = new RegExp(LETTER_O_AMOUNT.source, 'g');

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '€': 'e' };
// A token (maximal run of letters, digits and @$€) that mixes letters with digits or symbols: only those
// can be leetspeak. Anchored at the run start so each run is tried once (linear).
const LEET_TOKEN = /(?<![a-z0-9@$€])[a-z0-9@$€]*(?:[a-z][0-9@$€]|[0-9@$€][a-z])[a-z0-9@$€]*/g;

/** A digit or symbol touching a letter; anchored on the rarer side, so the scan skips fast. */
const MAYBE_LEET = /[0-9@$€](?:[a-z]|(?<=[a-z].))/;

/** `pr0mo`, `j3 f@is`, `d€vi$` → `promo`, `je fais`, `devis`; leaves `2h`, `1er`, `COOP20`, `@handle` alone. */
function undoLeet(s: string, tricks: Set<string>): string {
  if (!MAYBE_LEET.test(s)) return s;
  let count = 0;
  const out = s.replace(LEET_TOKEN, (tok) => {
    if (tok.startsWith('@')) return tok; // a social handle
    if (/^\d+(?:[a-z]{1,3}|h\d*|x\d*)$/.test(tok)) return tok; // 2h, 10h30, 1er, 18e, 3x
    if (/^[a-z]{2,}\d+$/.test(tok) && !/[013457]/.test(tok.replace(/\d+$/, ''))) return tok; // codes like coop20
    if (/^\d+$/.test(tok.replace(/[a-z]/g, '')) && /^[a-z]{2,}\d{2,}$/.test(tok)) return tok;
    let mapped = '';
    for (const ch of tok) mapped += LEET[ch] ?? ch;
    if (/[0-9]/.test(mapped)) return tok; // still digits (a phone number, a ref): not leetspeak
    count++;
    return mapped;
  });
  if (count >= 2) tricks.add('digits for letters');
  return out;
}

/** Bounded window: long messages are read as head + tail so the work never grows with the paste. */
export function boundedWindow(raw: string): string {
  if (raw.length <= WINDOW_HEAD + WINDOW_TAIL) return raw;
  return `${raw.slice(0, WINDOW_HEAD)}\n${raw.slice(raw.length - WINDOW_TAIL)}`;
}

export function normalizeText(raw: string): NormalizedText {
  const tricks = new Set<string>();
  const links: LinkInfo[] = [];
  let s = unmask(boundedWindow(typeof raw === 'string' ? raw : ''), tricks);
  s = fold(s);

  // Links first, so their punctuation is not mistaken for spaced letters or leetspeak.
  // Each link form is looked for only when its tell-tale character is there (cheap `includes`).
  if (s.includes('<')) s = s.replace(SLACK_LINK, (_m, url: string, label?: string) => {
    if (url.startsWith('mailto:')) return ` ${label ?? url.slice(7)} `;
    links.push({ url, domain: domainOf(url), label });
    return ` ${label ?? ''}${LINK_MARK}`;
  });
  if (s.includes('<')) s = s.replace(SLACK_REF, (_m, id: string, label?: string) => ` ${label ? `#${label}` : `@${id}`} `);
  if (s.includes('](')) s = s.replace(MD_LINK, (_m, label: string, url: string) => {
    links.push({ url, domain: domainOf(url), label });
    return ` ${label}${LINK_MARK}`;
  });

  const cased = s;
  let t = s.toLowerCase();
  if ((t.includes('(') || t.includes('[')) && /[[(](?:point|dot|arobase|at)[\])]/.test(t)) {
    tricks.add('spelled-out address');
    t = t.replace(SPELLED_DOT, '.').replace(SPELLED_AT, '@');
  }
  const emails: string[] = [];
  if (t.includes('@')) t = t.replace(EMAIL, (m) => { emails.push(m); return ' ⟦email⟧ '; });
  if (MAYBE_URL.test(t)) t = t.replace(BARE_URL, (m) => {
    const url = m.replace(/[.,;:!?]+$/, '');
    links.push({ url, domain: domainOf(url) });
    return LINK_MARK + m.slice(url.length);
  });
  t = joinSpacedLetters(t, tricks);
  // « 2O€ », « 1OO € »: a letter O standing for a zero in an amount.
  if (t.includes('o') && LETTER_O_AMOUNT.test(t)) t = t.replace(LETTER_O_AMOUNT_G, (m) => m.replace(/o/g, '0'));
  t = undoLeet(t, tricks);
  // Joined letters may reveal a disguised address (photos-nina.fr).
  if (tricks.size > 0) t = t.replace(BARE_URL, (m) => {
    const url = m.replace(/[.,;:!?]+$/, '');
    links.push({ url, domain: domainOf(url) });
    return LINK_MARK + m.slice(url.length);
  });
  if (t.includes('  ') || t.includes('\t')) t = t.replace(/[ \t]{2,}|\t/g, ' ');
  // The fields filled later are there from the start, in one order: every message then has the same
  // hidden class in V8, whichever step reads it first (a batch, a single message, a thread root), and the
  // code reading them is not thrown away and recompiled when a message of another shape comes by.
  return { text: t, cased, links, emails, tricks: [...tricks], wordCount: countWords(t), gate: undefined, matches: undefined, words: undefined };
}

/** Number of [a-z0-9] runs, as `t.match(/[a-z0-9]+/g).length` would say, without building the array. */
function countWords(t: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const w = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (w && !inWord) count++;
    inWord = w;
  }
  return count;
}
