import { classifyMessage, classifyMessages, warmUpDetector } from '../core/classifier/classify-message.js';
import { actionFor, bareChannelName, isAllowedChannel, isDirectChannel } from '../core/classifier/is-allowed-channel.js';
import type { MessageVerdict } from '../core/classifier/verdict.js';

/**
 * `charte-bot classify`: JSON lines `{id, channel, text, parent?}` on stdin → one JSON line per input,
 * same order, on stdout. `charte-bot classify "texte" [--channel general] [--parent "…"]`: one message,
 * printed for a person. Reads only args, stdin and env (ANNONCES_CHANNEL, LOCALE).
 */

interface ClassifyArgs {
  text?: string;
  channel: string;
  parent?: string;
  lang: 'fr' | 'en';
  threshold?: number;
}

function parseArgs(args: string[]): ClassifyArgs | string {
  const out: ClassifyArgs = { channel: 'general', lang: process.env.LOCALE?.toLowerCase().startsWith('en') ? 'en' : 'fr' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    if (a === '--channel') out.channel = value() ?? out.channel;
    else if (a === '--parent') out.parent = value();
    else if (a === '--lang') out.lang = value()?.toLowerCase().startsWith('en') ? 'en' : 'fr';
    else if (a === '--threshold') {
      const t = Number(value());
      if (!Number.isFinite(t) || t <= 0 || t >= 1) return '--threshold takes a number between 0 and 1, e.g. --threshold 0.6';
      out.threshold = t;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.text === undefined) out.text = a;
    else return `one message at a time (put it in quotes): unexpected "${a}"`;
  }
  return out;
}

export async function classifyCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`charte-bot classify: ${parsed}\n`);
    return 2;
  }
  const annonces = process.env.ANNONCES_CHANNEL?.trim() || 'annonces';
  if (parsed.text !== undefined) {
    const verdict = classifyMessage(parsed.text, { parentText: parsed.parent, threshold: parsed.threshold });
    process.stdout.write(describeForPerson(verdict, parsed.channel, annonces, parsed.lang));
    return 0;
  }
  warmUpDetector();
  await classifyStream(parsed, annonces);
  return 0;
}

/**
 * A line read: a message to classify, or, for a line that is not one, its answer already (`answer`). One
 * shape for both, so the hot loop over a chunk's lines sees one kind of object.
 */
interface ParsedLine { id: unknown; text: string; parent: string | undefined; channel: string | null; answer: string | undefined }

const failed = (id: unknown, error: string): ParsedLine => ({ id, text: '', parent: undefined, channel: null, answer: JSON.stringify({ id, error }) });

function parseJsonLine(line: string): ParsedLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return failed(null, 'not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failed(null, 'expected a JSON object {id, channel, text, parent?}');
  }
  const o = input as Record<string, unknown>;
  const id = o.id === undefined ? null : o.id;
  if (typeof o.text !== 'string') return failed(id, 'missing "text" (a string)');
  if (o.channel !== undefined && o.channel !== null && typeof o.channel !== 'string') {
    return failed(id, '"channel" must be a string');
  }
  return { id, text: o.text, parent: typeof o.parent === 'string' ? o.parent : undefined, channel: typeof o.channel === 'string' ? o.channel : null, answer: undefined };
}

function verdictLine(id: unknown, v: MessageVerdict, channel: string | null, annonces: string, lang: 'fr' | 'en'): string {
  // Built by hand (same bytes as JSON.stringify of the object): this line is the hot path of `classify`.
  let reasons = '';
  for (const r of v.reasons) reasons += `${reasons ? ',' : ''}${JSON.stringify(r[lang])}`;
  let conduct = '';
  for (const f of v.conduct.flags) conduct += `${conduct ? ',' : ''}"${f}"`;
  const idJson = JSON.stringify(id) ?? 'null';
  return `{"id":${idJson},"promotional":${v.promotional},"score":${JSON.stringify(v.score)},"action":"${actionFor(v.promotional, channel, annonces)}","reasons":[${reasons}],"conduct":[${conduct}]}`;
}

/** One output line per input line, same order; never throws on bad input. Blank lines are skipped. */
export function classifyJsonLines(lines: readonly string[], annonces: string, lang: 'fr' | 'en', threshold?: number): string[] {
  const parsed: ParsedLine[] = [];
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') parsed.push(parseJsonLine(line));
  }
  const messages = parsed.filter((p) => p.answer === undefined);
  const verdicts = classifyMessages(messages.map((m) => ({ text: m.text, parentText: m.parent, threshold })));
  let next = 0;
  return parsed.map((p) => p.answer ?? verdictLine(p.id, verdicts[next++]!, p.channel, annonces, lang));
}

/**
 * Reads stdin chunk by chunk and answers each complete line synchronously (much faster than an
 * async line iterator). Output is written per chunk; stdin pauses while stdout is full.
 */
function classifyStream(args: ClassifyArgs, annonces: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    input.setEncoding('utf8');
    let pending = '';
    const answer = (lines: string[]): string => {
      let out = '';
      for (const line of classifyJsonLines(lines, annonces, args.lang, args.threshold)) out += `${line}\n`;
      return out;
    };
    const write = (out: string): void => {
      if (out && !process.stdout.write(out)) {
        input.pause();
        process.stdout.once('drain', () => input.resume());
      }
    };
    input.on('data', (chunk: string) => {
      pending += chunk;
      const lastNewline = pending.lastIndexOf('\n');
      if (lastNewline < 0) return;
      const complete = pending.slice(0, lastNewline).split('\n');
      pending = pending.slice(lastNewline + 1);
      write(answer(complete));
    });
    input.on('end', () => {
      const out = answer([pending]);
      if (out) process.stdout.write(out, () => resolve());
      else resolve();
    });
    input.on('error', reject);
  });
}

function describeForPerson(v: MessageVerdict, channel: string, annonces: string, lang: 'fr' | 'en'): string {
  const action = actionFor(v.promotional, channel, annonces);
  const where = `#${bareChannelName(channel)}`;
  const score = lang === 'fr' ? v.score.toFixed(2).replace('.', ',') : v.score.toFixed(2);
  const reasons = v.reasons.map((r) => r[lang]);
  const conduct = v.conduct.reasons.map((r) => r[lang]);
  if (lang === 'en') {
    const doing = action === 'remind'
      ? `in ${where}, a short friendly tip sent privately to the author, with a button to move the post to #${bareChannelName(annonces)}.`
      : v.promotional && isAllowedChannel(channel, annonces) ? `nothing: ${where} is the place for announcements.`
      : v.promotional && isDirectChannel(channel) ? 'nothing: private messages are none of its business.'
      : 'nothing.';
    return [
      `Verdict: ${v.promotional ? 'looks like promotion' : 'not promotion'} (score ${score})`,
      `Why: ${reasons.length ? reasons.join('; ') : 'nothing commercial noticed'}`,
      `Conduct: ${conduct.length ? conduct.join('; ') : 'nothing to report'}`,
      `The bot would do: ${doing}${conduct.length ? ' The committee would be told about the conduct flag.' : ''}`,
      '',
    ].join('\n');
  }
  const doing = action === 'remind'
    ? `dans ${where}, un petit conseil amical envoyé en privé à l'auteur, avec un bouton pour déplacer le message dans #${bareChannelName(annonces)}.`
    : v.promotional && isAllowedChannel(channel, annonces) ? `rien : ${where} est justement fait pour ça.`
    : v.promotional && isDirectChannel(channel) ? 'rien : les messages privés ne le regardent pas.'
    : 'rien.';
  return [
    `Verdict : ${v.promotional ? 'ça ressemble à de la promotion' : 'pas de promotion'} (score ${score})`,
    `Pourquoi : ${reasons.length ? reasons.join(' ; ') : 'rien de commercial repéré'}`,
    `Conduite : ${conduct.length ? conduct.join(' ; ') : 'rien à signaler'}`,
    `Ce que ferait le bot : ${doing}${conduct.length ? ' Le comité serait prévenu pour la conduite.' : ''}`,
    '',
  ].join('\n');
}
