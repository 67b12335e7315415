import { parseDate } from '../core/moderation/local-time.js';

/** A reference to a channel typed by a member: `#name`, `~name`, Slack `<#C123|name>` or `<#C123>`. */
export interface ChannelRef {
  id?: string;
  name?: string;
  raw: string;
}

/** A reference to a member: `<@U123>`, `<@U123|name>`, `@name`. */
export interface UserRef {
  id?: string;
  name?: string;
  raw: string;
}

export type ParsedCommand =
  | { name: 'help' }
  | { name: 'charter' }
  | { name: 'tuto' }
  | { name: 'test'; text: string }
  | { name: 'report'; link: string; reason: string }
  | { name: 'my-data' }
  | { name: 'stats'; days: number }
  | { name: 'mode'; mode: 'actif' | 'observation' }
  | { name: 'exempt'; channel: ChannelRef }
  | { name: 'include'; channel: ChannelRef }
  | { name: 'threshold'; value: number }
  | { name: 'digest-now' }
  | { name: 'digest-setting'; hour: number | null }
  | { name: 'launch'; date: string }
  | { name: 'committee-post'; text: string }
  | { name: 'forget'; user: UserRef }
  /** Known command, bad arguments: answered with its usage line. */
  | { name: 'malformed'; command: MalformedCommand }
  /** Unknown subcommand: answered with the help. */
  | { name: 'unknown'; input: string };

export type MalformedCommand = 'test' | 'report' | 'mode' | 'exempt' | 'include' | 'threshold' | 'digest-setting' | 'launch' | 'committee-post' | 'forget';

export const COMMITTEE_COMMANDS: ReadonlySet<ParsedCommand['name']> = new Set([
  'stats',
  'mode',
  'exempt',
  'include',
  'threshold',
  'digest-now',
  'digest-setting',
  'launch',
  'committee-post',
  'forget',
]);

/** Subcommands (French first, English aliases), accents and case ignored. */
const ALIASES: Record<string, ParsedCommand['name'] | MalformedCommand> = {
  '': 'help', aide: 'help', help: 'help', '?': 'help',
  charte: 'charter', charter: 'charter', rules: 'charter', regles: 'charter',
  tuto: 'tuto', tutorial: 'tuto', tutoriel: 'tuto',
  test: 'test', tester: 'test',
  signaler: 'report', report: 'report',
  'mes-donnees': 'my-data', mesdonnees: 'my-data', 'my-data': 'my-data', mydata: 'my-data',
  stats: 'stats', statistiques: 'stats',
  mode: 'mode',
  exempter: 'exempt', exempt: 'exempt',
  inclure: 'include', include: 'include',
  seuil: 'threshold', threshold: 'threshold',
  resume: 'digest-now', summary: 'digest-now', digest: 'digest-now',
  quotidien: 'digest-setting', daily: 'digest-setting',
  lancement: 'launch', launch: 'launch',
  comite: 'committee-post', committee: 'committee-post',
  oublier: 'forget', forget: 'forget',
};

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function parseChannelRef(raw: string): ChannelRef | undefined {
  const text = raw.trim();
  const slack = /^<#([A-Z0-9]+)(?:\|([^>]*))?>$/i.exec(text);
  if (slack) return { id: slack[1], name: slack[2] || undefined, raw: text };
  const named = /^[#~]?([\p{L}\p{N}][\p{L}\p{N}._-]*)$/u.exec(text);
  return named ? { name: named[1].toLowerCase(), raw: text } : undefined;
}

export function parseUserRef(raw: string): UserRef | undefined {
  const text = raw.trim();
  const slack = /^<@([A-Z0-9]+)(?:\|([^>]*))?>$/i.exec(text);
  if (slack) return { id: slack[1], name: slack[2] || undefined, raw: text };
  const named = /^@?([\p{L}\p{N}][\p{L}\p{N}._-]*)$/u.exec(text);
  return named ? { name: named[1], raw: text } : undefined;
}

function parseThreshold(raw: string): number | undefined {
  if (!/^\d*[.,]?\d+$/.test(raw)) return undefined;
  const value = Number(raw.replace(',', '.'));
  return value >= 0 && value <= 1 ? value : undefined;
}

/** `/charte …` text → a command. Never throws: anything odd becomes `unknown` or `malformed`. */
export function parseCommand(input: string): ParsedCommand {
  const text = (typeof input === 'string' ? input : '').trim().slice(0, 4000);
  const [head = '', ...restWords] = text.split(/\s+/);
  const rest = text.slice(head.length).trim();
  const name = ALIASES[fold(head)];
  const bad = (command: MalformedCommand): ParsedCommand => ({ name: 'malformed', command });
  switch (name) {
    case 'help':
    case 'charter':
    case 'tuto':
    case 'my-data':
    case 'digest-now':
      return { name };
    case 'test':
      return rest ? { name: 'test', text: rest } : bad('test');
    case 'report': {
      const [link, ...reason] = restWords;
      return link && /^(https?:\/\/|<https?:\/\/)/.test(link) ? { name: 'report', link: link.replace(/^<|>$/g, ''), reason: reason.join(' ') } : bad('report');
    }
    case 'stats': {
      if (!rest) return { name: 'stats', days: 30 };
      const days = Number(restWords[0]);
      return Number.isInteger(days) && days > 0 ? { name: 'stats', days: Math.min(days, 3650) } : { name: 'stats', days: 30 };
    }
    case 'mode': {
      const m = fold(restWords[0] ?? '');
      if (['observation', 'observe', 'shadow'].includes(m)) return { name: 'mode', mode: 'observation' };
      if (['actif', 'active', 'enforce'].includes(m)) return { name: 'mode', mode: 'actif' };
      return bad('mode');
    }
    case 'exempt':
    case 'include': {
      const channel = restWords.length === 1 ? parseChannelRef(restWords[0]) : undefined;
      return channel ? { name, channel } : bad(name);
    }
    case 'threshold': {
      const value = restWords.length === 1 ? parseThreshold(restWords[0]) : undefined;
      return value === undefined ? bad('threshold') : { name: 'threshold', value };
    }
    case 'digest-setting': {
      const arg = fold(restWords[0] ?? '').replace(/h$/, '');
      if (['off', 'non', 'aucun', 'none'].includes(arg)) return { name: 'digest-setting', hour: null };
      const hour = Number(arg);
      return arg !== '' && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? { name: 'digest-setting', hour } : bad('digest-setting');
    }
    case 'launch': {
      const date = parseDate(rest);
      return date ? { name: 'launch', date } : bad('launch');
    }
    case 'committee-post':
      return rest ? { name: 'committee-post', text: rest } : bad('committee-post');
    case 'forget': {
      const user = restWords.length === 1 ? parseUserRef(restWords[0]) : undefined;
      return user ? { name: 'forget', user } : bad('forget');
    }
    default:
      return { name: 'unknown', input: head };
  }
}
