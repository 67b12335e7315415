import { atomEnd, isQuantifier, quantifierEnd, splitAlternatives } from './regex-source.js';

/**
 * Tells, in one pass over a message, which phrase patterns cannot match it, so the detector skips them.
 *
 * Running forty phrase lists over every character is most of the detector's time, yet a message holds
 * the words of only a few of them. Each branch of a pattern needs some whole word to be in the message
 * (`la coop (?:organise|propose)` needs the word `coop`; `formules?` a word starting with `formule`), so
 * one pass over the message's words tells which patterns are worth running at all.
 * A way to match often needs more than one such word (`je vends des (?:bougies|savons)`): the gate
 * checks up to three of them, so a message holding only the commonest one does not run the pattern.
 *
 * The gate is sound by construction: a branch in which no such word can be read (a digit class, a
 * symbol, a word cut by an optional letter on both sides) makes its pattern always run, and two words
 * that hash alike only make a pattern run for nothing. `word-gate.test.ts` checks on real and random
 * messages that a skipped pattern never matches.
 */

/** Something every match of a pattern branch contains. */
export type Requirement =
  /** A whole word (`coop` in `la coop organise`), or a word starting with it (`formule` in `formules?`). */
  | { kind: 'word'; word: string; exact: boolean }
  /** One of these characters (`%`, or one of `€£$`). */
  | { kind: 'chars'; chars: string }
  | { kind: 'digit' };

const WORD_CHAR = /^[A-Za-z0-9_]$/;
/** Branches expanded per pattern before settling for the requirements found so far. */
const EXPANSION_BUDGET = 20_000;
/**
 * Words too common to be worth gating on (in nearly every message, or in many), so a rarer word of the
 * same branch is preferred. The choice only changes how often a pattern runs, never its result.
 */
const VERY_COMMON = new Set(
  ('a au aux c ce d de des du en est et il j je l la le les m me mon n ne on ou pas pour qu que qui s se sur t tu un une y ' +
    'a and i in is it of on the to you').split(' '),
);
const COMMON = new Set(
  ('ai apres as avant avec avoir bien bonjour ca ces cette chez comme coop dans deja elle encore es etes etre faire fais fait faut ils ici leur lui ma mais merci mes moi moins ni non nos notre nous ont oui par peut peux plus quand quel quelle sa ses si son sont suis ta te tes toi ton tout toute tous tres veux vos votre vous ' +
    'all an are as at be but by do for have if me my no not or our so that this up was we what with your').split(' '),
);
/** Characters in nearly every message: useless as requirements. */
const COMMON_CHARS = new Set([...' \n\t\'-,.:;!/()"']);

/** A non-word character, `\s`, `\b`, or a class of non-word characters, with no quantifier. */
function isWordEdge(seq: string, i: number, end: number): boolean {
  return !isQuantifier(seq[end]) && isEdgeAtom(seq.slice(i, end));
}

/** `isWordEdge` without the quantifier check: the atom alone never matches a word character. */
function isEdgeAtom(atom: string): boolean {
  if (atom === '\\b' || atom === '\\s' || atom === '\\W' || atom === '^' || atom === '$') return true;
  if (atom.length === 2 && atom[0] === '\\') return !/[0-9A-Za-z]/.test(atom[1]!);
  if (atom.startsWith('[')) return !atom.startsWith('[^') && !/[A-Za-z0-9_\\]/.test(atom.slice(1, -1));
  return atom.length === 1 && !WORD_CHAR.test(atom) && !'.()|'.includes(atom);
}

/** Does every branch of this group body end with a word edge (`(?:le |la )`)? */
function allEndWithEdge(inner: string): boolean {
  return splitAlternatives(inner).every((alt) => {
    let lastStart = -1;
    let lastEnd = -1;
    let quantified = false;
    for (let i = 0; i < alt.length; ) {
      lastStart = i;
      lastEnd = atomEnd(alt, i);
      i = quantifierEnd(alt, lastEnd);
      quantified = i !== lastEnd;
    }
    return lastStart >= 0 && !quantified && isWordEdge(alt, lastStart, lastEnd);
  });
}

/** The one character an unquantified atom must be, or the characters of a plain class; null otherwise. */
function requiredChars(atom: string): string | null {
  if (atom.length === 1 && !WORD_CHAR.test(atom) && !'.^$|()'.includes(atom)) return atom;
  if (atom.length === 2 && atom[0] === '\\' && !/[0-9A-Za-z]/.test(atom[1]!)) return atom[1]!;
  if (/^\[[^\]\\^-][^\]\\-]*\]$/.test(atom)) {
    const chars = atom.slice(1, -1);
    return [...chars].some((c) => WORD_CHAR.test(c)) ? null : chars;
  }
  return null;
}

/** What a flat branch must contain: words with a known start, required symbols, digits. */
function readRequirements(seq: string): Requirement[] {
  const out: Requirement[] = [];
  let startKnown = false;
  let word = '';
  const close = (exact: boolean): void => {
    if (startKnown && word) out.push({ kind: 'word', word, exact });
    word = '';
  };
  /** A symbol the atom must match, unless it is one found in nearly every message. */
  const pushChars = (atom: string): void => {
    const chars = requiredChars(atom);
    if (chars && ![...chars].some((c) => COMMON_CHARS.has(c))) out.push({ kind: 'chars', chars });
  };
  for (let i = 0; i < seq.length; ) {
    const end = atomEnd(seq, i);
    const next = quantifierEnd(seq, end);
    const atom = seq.slice(i, end);
    const quantifier = seq.slice(end, next);
    const atLeastOnce = quantifier === '' || quantifier.startsWith('+') || /^\{[1-9]/.test(quantifier);
    if (atom.length === 1 && WORD_CHAR.test(atom) && quantifier === '') {
      word += atom;
    } else if (/^\(\?(?:=|!|<=|<!)/.test(atom)) {
      // Zero-width: says nothing certain about where the word ends, and does not move the position.
      if (word) { close(false); startKnown = false; }
    } else if (atom.startsWith('(') && quantifier !== '' && !word && startKnown && allEndWithEdge(atom.slice(atom[1] === '?' ? 3 : 1, -1))) {
      // `(?:le )?lien`: whether or not the optional words are there, `lien` starts a word.
    } else if (isWordEdge(seq, i, end)) {
      close(true);
      startKnown = true;
      if (atLeastOnce) pushChars(atom);
    } else if (quantifier !== '' && isEdgeAtom(atom) && !['\\b', '^', '$'].includes(atom)) {
      // ` *`, `[,.] ?`: when it matches nothing the position is where it was, so a word start known
      // before it stays known (`[,!?] *espece` needs the word `espece`); when it must match, it ends one.
      const known: boolean = atLeastOnce || (startKnown && !word);
      close(atLeastOnce);
      startKnown = known;
      if (atLeastOnce) pushChars(atom);
    } else {
      close(false);
      startKnown = false;
      if (atLeastOnce && (atom === '\\d' || atom === '[0-9]')) out.push({ kind: 'digit' });
      if (atLeastOnce) pushChars(atom);
    }
    i = next;
  }
  close(false);
  return out;
}

/**
 * `readRequirements`, remembered while one pattern is read: choosing a group to look into reads each of
 * its branches, and looking into it reads them again.
 */
let readCache: Map<string, Requirement[]> | undefined;
function requirementsOf(seq: string): Requirement[] {
  let r = readCache?.get(seq);
  if (r === undefined) {
    r = readRequirements(seq);
    readCache?.set(seq, r);
  }
  return r;
}

/** How often a message is guessed to hold the requirement: 1 for common words, small for rare ones. */
function cost(r: Requirement): number {
  if (r.kind === 'digit') return 0.3;
  if (r.kind === 'chars') return 0.05 * r.chars.length;
  // A short prefix (`re` for `you're`) starts too many words to be worth much.
  if (VERY_COMMON.has(r.word) || (!r.exact && r.word.length <= 2)) return 1;
  // A one-letter word (`j`, `e`, `l`) is in most messages too.
  if (COMMON.has(r.word) || r.word.length === 1) return 0.3;
  return r.exact ? 0.01 : 0.015;
}

function bestOf(reqs: Requirement[]): Requirement | undefined {
  let best: Requirement | undefined;
  for (const r of reqs) if (!best || cost(r) < cost(best) || (cost(r) === cost(best) && r.kind === 'word' && best.kind === 'word' && r.word.length > best.word.length)) best = r;
  return best;
}

/** How many requirements of one way to match the gate checks: the rarest and up to two more. */
const MAX_CONJUNCTION = 3;

const keyOf = (r: Requirement): string => (r.kind === 'word' ? `w${r.exact ? '=' : '*'}${r.word}` : r.kind === 'chars' ? `c${r.chars}` : 'd');

/**
 * What a flat sequence needs, rarest first: its best requirement, then up to two more that are not in
 * nearly every message. A match holds every one of them, so checking two or three words rather than one
 * rules out many more messages at no risk.
 */
function conjunctionOf(reqs: Requirement[], first: Requirement): Requirement[] {
  const out = [first];
  const seen = new Set([keyOf(first)]);
  for (const r of reqs.filter((x) => cost(x) < 1).sort((x, y) => cost(x) - cost(y))) {
    if (out.length === MAX_CONJUNCTION) break;
    if (seen.has(keyOf(r))) continue;
    seen.add(keyOf(r));
    out.push(r);
  }
  return out;
}

/** The guessed cost of a list of ways, each counted by its rarest requirement. */
const total = (ways: Requirement[][]): number => ways.reduce((sum, w) => sum + cost(w[0]!), 0);

interface Group { at: number; end: number; alts: string[] }

/** The unquantified groups of a flat sequence: where `cover` may look inside. */
function groupsOf(seq: string): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < seq.length; ) {
    const end = atomEnd(seq, i);
    const next = quantifierEnd(seq, end);
    if ((seq.startsWith('(?:', i) || (seq[i] === '(' && seq[i + 1] !== '?')) && next === end) {
      out.push({ at: i, end, alts: splitAlternatives(seq.slice(seq[i + 1] === '?' ? i + 3 : i + 1, end - 1)) });
    }
    i = next;
  }
  return out;
}

/** `seq` with `alt` in place of group `g`. */
const withBranch = (seq: string, g: Group, alt: string): string => seq.slice(0, g.at) + alt + seq.slice(g.end);

/**
 * The group of `seq` whose branches, read flat, promise the rarest words (the sum of the costs of the
 * requirement `pick` chooses in each, 1 for a branch with none), and that sum; groups with more than `maxBranches` are passed.
 */
function rarestGroup(seq: string, pick: (reqs: Requirement[]) => Requirement | undefined, maxBranches = Infinity): { group?: Group; sum: number } {
  let group: Group | undefined;
  let sum = Infinity;
  for (const g of groupsOf(seq)) {
    if (g.alts.length > maxBranches) continue;
    let s = 0;
    for (const alt of g.alts) {
      const r = pick(requirementsOf(withBranch(seq, g, alt)));
      s += r ? cost(r) : 1;
    }
    if (s < sum) { group = g; sum = s; }
  }
  return { group, sum };
}

/** One way or more per branch of `g`, or null when some branch can't be told or the budget is spent. */
function open(seq: string, g: Group, budget: { left: number }, refined: boolean): Requirement[][] | null {
  if (budget.left < g.alts.length) return null;
  budget.left -= g.alts.length;
  const out: Requirement[][] = [];
  for (const alt of g.alts) {
    const r = cover(withBranch(seq, g, alt), budget, refined);
    if (!r) return null;
    out.push(...r);
  }
  return out;
}

/**
 * The ways `seq` can match, each with what it needs: its own requirements, or one way per branch of one
 * of its groups. The group looked into is the one whose branches, read flat, promise the rarest words: in
 * `(?:il|elle|la coop) a (?:vole|detourne)` the verbs are worth more than the pronouns.
 */
function cover(seq: string, budget: { left: number }, refined = false): Requirement[][] | null {
  const reqs = requirementsOf(seq);
  const own = bestOf(reqs);
  const ownWays = own ? [conjunctionOf(reqs, own)] : null;
  if (own && cost(own) < 0.1) return refined ? ownWays : refine(seq, reqs, ownWays!, budget);
  const { group } = rarestGroup(seq, bestOf);
  const out = group ? open(seq, group, budget, false) : null;
  if (!out) return ownWays;
  return own && cost(own) <= total(out) ? ownWays : out;
}

/** Groups of at most this many branches may be opened to add words to an already rare requirement. */
const REFINE_BRANCHES = 12;

/**
 * `seq` already needs a rare word, but rare is a guess: « dispo » is in many chat messages. When one of
 * its groups gives each branch a rare word of its own (`dispo (?:a nouveau|again)`), one way per branch,
 * each needing both words, rules out the messages that hold only the first.
 */
function refine(seq: string, reqs: Requirement[], ownWays: Requirement[][], budget: { left: number }): Requirement[][] {
  const known = new Set(reqs.map(keyOf));
  const { group, sum } = rarestGroup(seq, (rs) => bestOf(rs.filter((x) => !known.has(keyOf(x)))), REFINE_BRANCHES);
  if (!group || sum >= 0.3 * group.alts.length) return ownWays;
  return open(seq, group, budget, true) ?? ownWays;
}

/**
 * The ways `source` can match, each with everything a message needs for it, or null when it can't be
 * told. A message that holds all of no way's requirements cannot match.
 */
export function requirements(source: string): Requirement[][] | null {
  const out: Requirement[][] = [];
  const budget = { left: EXPANSION_BUDGET };
  readCache = new Map();
  try {
    for (const branch of splitAlternatives(source)) {
      const r = cover(branch, budget);
      if (!r) return null;
      out.push(...r);
    }
    return out;
  } finally {
    readCache = undefined;
  }
}

/** Prefix words are looked up by their first letters only: enough to tell most words apart, and cheap. */
const PREFIX_MAX = 6;

/** 1..63 for [a-z0-9_A-Z], 0 for a character outside words. */
function code6(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  if (c === 95) return 37;
  if (c >= 65 && c <= 90) return c - 27;
  return 0;
}

const FNV_OFFSET = 0x811c9dc5;
function fnvStep(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193);
}

/** FNV-1a over the word's letters, as a signed 32-bit integer (a small integer for V8: cheap Map keys). */
function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = fnvStep(h, code6(word.charCodeAt(k)));
  return h | 0;
}

/** A prefix word is looked up by the hash of its first `PREFIX_MAX` letters, the way `scan` walks words. */
function prefixKey(word: string): number {
  return wordHash(word.slice(0, PREFIX_MAX));
}

/** Slots of the requirement-word table: a few thousand keys at about a quarter load. */
const TABLE_BITS = 13;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
function tableSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
}
/** Prefix keys are kept apart from whole-word keys of the same letters (`coop` the word, `coop…` the start). */
const PREFIX_TAG = 0x5bd1e995;

/**
 * Requirement ids by 32-bit key, in one flat typed array of (key, list) pairs with open addressing: a
 * word that is no requirement (most words) costs one probe, and the table (64 KB) stays in the
 * processor's cache between messages.
 */
class IdTable {
  /** `pairs[2s]` the key of slot s, `pairs[2s + 1]` 0 when empty, else 1 + the index of its list. */
  private readonly pairs = new Int32Array(TABLE_SIZE * 2);
  private readonly lists: number[][] = [];
  /** Flat lists, after `freeze`: the ids of list k are `ids[starts[k]..starts[k + 1])`. */
  starts = new Int32Array(1);
  ids = new Int32Array(0);

  add(key: number, id: number): void {
    let i = tableSlot(key);
    while (this.pairs[2 * i + 1] !== 0 && this.pairs[2 * i] !== key) i = (i + 1) & TABLE_MASK;
    if (this.pairs[2 * i + 1] === 0) {
      if (this.lists.length >= TABLE_SIZE / 2) throw new Error('word gate: too many requirement words for its table');
      this.pairs[2 * i] = key;
      this.lists.push([]);
      this.pairs[2 * i + 1] = this.lists.length;
    }
    this.lists[this.pairs[2 * i + 1]! - 1]!.push(id);
  }

  freeze(): void {
    this.starts = new Int32Array(this.lists.length + 1);
    const flat: number[] = [];
    this.lists.forEach((list, k) => {
      flat.push(...list);
      this.starts[k + 1] = flat.length;
    });
    this.ids = Int32Array.from(flat);
  }

  /** 1 + the list index of `key`, or 0 when no requirement has it. */
  find(key: number): number {
    let i = tableSlot(key);
    for (let a = this.pairs[2 * i + 1]!; a !== 0; a = this.pairs[2 * i + 1]!) {
      if (this.pairs[2 * i] === key) return a;
      i = (i + 1) & TABLE_MASK;
    }
    return 0;
  }
}

export class WordGate {
  private readonly always: number[] = [];
  /** Requirement ids by key: whole words, word starts (their first `PREFIX_MAX` letters, tagged), symbols. */
  private readonly words = new IdTable();
  private readonly chars = new Map<number, number[]>();
  /** The id of "some digit", or -1 when no pattern needs one. */
  private digit = -1;
  /** Per requirement id: the ways to match whose rarest requirement it is (checked when it is seen). */
  private readonly triggers: number[][] = [];
  /** Per requirement id: does it trigger any way (`triggers[id].length > 0`)? */
  private triggering = new Uint8Array(0);
  /** Per way to match: its pattern, and the other requirements it needs. */
  private readonly wayPattern: number[] = [];
  private readonly wayNeeds: number[][] = [];
  /** `stamp[id] === generation`: requirement `id` is in the message being scanned. */
  private stamp = new Uint32Array(0);
  private generation = 0;
  /** `prefixLengths[n]`: some prefix word is looked up after n letters. */
  private readonly prefixLengths = new Uint8Array(PREFIX_MAX + 1);
  /** One byte per UTF-16 unit: is this symbol a requirement of some pattern? */
  private readonly symbol = new Uint8Array(0x10000);
  readonly size: number;

  constructor(patterns: readonly RegExp[]) {
    this.size = patterns.length;
    const ids = new Map<string, number>();
    const idOf = (r: Requirement): number => {
      const key = keyOf(r);
      let id = ids.get(key);
      if (id !== undefined) return id;
      id = ids.size;
      ids.set(key, id);
      this.triggers.push([]);
      if (r.kind === 'digit') this.digit = id;
      else if (r.kind === 'chars') {
        for (const c of r.chars) {
          const code = c.charCodeAt(0);
          this.symbol[code] = 1;
          const list = this.chars.get(code);
          if (!list) this.chars.set(code, [id]);
          else list.push(id);
        }
      } else if (r.exact) this.words.add(wordHash(r.word), id);
      else {
        this.prefixLengths[Math.min(r.word.length, PREFIX_MAX)] = 1;
        this.words.add(prefixKey(r.word) ^ PREFIX_TAG, id);
      }
      return id;
    };
    patterns.forEach((re, pattern) => {
      // Case-insensitive or Unicode patterns would need their own folding; they simply always run.
      const ways = /[iuv]/.test(re.flags) ? null : requirements(re.source);
      if (!ways) { this.always.push(pattern); return; }
      for (const way of ways) {
        const [first, ...rest] = way.map(idOf);
        this.triggers[first!]!.push(this.wayPattern.length);
        this.wayPattern.push(pattern);
        this.wayNeeds.push(rest);
      }
    });
    this.words.freeze();
    this.stamp = new Uint32Array(ids.size);
    this.triggering = Uint8Array.from(this.triggers, (t) => (t.length > 0 ? 1 : 0));
  }

  /** Notes requirement `id` as present in the message; the first time, if it triggers ways, on `fired`. */
  private markId(id: number, fired: number[]): void {
    if (this.stamp[id] === this.generation) return;
    this.stamp[id] = this.generation;
    if (this.triggering[id] === 1) fired.push(id);
  }

  /** `markId` for each requirement of list `at` (an `IdTable.find` answer). */
  private markWords(at: number, fired: number[]): void {
    const flat = this.words.ids;
    for (let k = this.words.starts[at - 1]!, end = this.words.starts[at]!; k < end; k++) this.markId(flat[k]!, fired);
  }

  /** `result[id] === 1` when pattern `id` may match `text`; 0 means it certainly does not. */
  scan(text: string): Uint8Array {
    const may = new Uint8Array(this.size);
    const always = this.always;
    for (let k = 0; k < always.length; k++) may[always[k]!] = 1;
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const fired: number[] = [];
    const words = this.words;
    const prefixLengths = this.prefixLengths;
    let ids: number[] | undefined;
    let digits = false;
    const len = text.length;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      let v = code6(c);
      if (v === 0) {
        if (this.symbol[c] === 1 && (ids = this.chars.get(c)) !== undefined) for (let k = 0; k < ids.length; k++) this.markId(ids[k]!, fired);
        i++;
        continue;
      }
      let h = FNV_OFFSET;
      let n = 0;
      while (v !== 0) {
        if (v >= 27 && v <= 36) digits = true;
        n++;
        h = fnvStep(h, v);
        // After n letters, h is the hash of the word's first n letters: the key of prefix words that long.
        if (n <= PREFIX_MAX && prefixLengths[n] === 1) {
          const at = words.find((h | 0) ^ PREFIX_TAG);
          if (at !== 0) this.markWords(at, fired);
        }
        i++;
        v = i < len ? code6(text.charCodeAt(i)) : 0;
      }
      const at = words.find(h | 0);
      if (at !== 0) this.markWords(at, fired);
    }
    if (digits && this.digit >= 0) this.markId(this.digit, fired);
    // Every requirement of the message is stamped now: a way to match is open when all it needs is.
    const g = this.generation;
    for (let f = 0; f < fired.length; f++) {
      const ways = this.triggers[fired[f]!]!;
      for (let w = 0; w < ways.length; w++) {
        const pattern = this.wayPattern[ways[w]!]!;
        if (may[pattern] === 1) continue;
        const needs = this.wayNeeds[ways[w]!]!;
        let open = true;
        for (let k = 0; k < needs.length && open; k++) open = this.stamp[needs[k]!] === g;
        if (open) may[pattern] = 1;
      }
    }
    return may;
  }
}
