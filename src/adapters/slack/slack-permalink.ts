/** A Slack message address: channel id and message `ts` (and the thread it lives in, when the link says). */
export interface SlackMessageRef {
  channelId: string;
  ts: string;
  threadTs?: string;
  host: string;
}

const TS_PATTERN = /^\d{10}\.\d{6}$/;

/**
 * Parses `https://team.slack.com/archives/C123/p1700000000123456[?thread_ts=…&cid=…]`. The `p` part is the
 * message ts without its dot (10 digits of seconds, 6 of micro-seconds). Undefined for anything else.
 */
export function parseSlackPermalink(link: string): SlackMessageRef | undefined {
  let url: URL;
  try {
    url = new URL(link.trim().replace(/^<|>$/g, '').split('|')[0]);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname.endsWith('.slack.com')) return undefined;
  const match = /^\/archives\/([CGD][A-Z0-9]{2,})\/p(\d{16})\/?$/.exec(url.pathname);
  if (!match) return undefined;
  const digits = match[2];
  const ts = `${digits.slice(0, 10)}.${digits.slice(10)}`;
  const threadTs = url.searchParams.get('thread_ts') ?? undefined;
  return {
    channelId: match[1],
    ts,
    threadTs: threadTs !== undefined && TS_PATTERN.test(threadTs) && threadTs !== ts ? threadTs : undefined,
    host: url.hostname.toLowerCase(),
  };
}

/** Builds the same link locally (no API call) from the workspace URL `auth.test` gave, e.g. `https://x.slack.com/`. */
export function buildSlackPermalink(teamUrl: string | undefined, channelId: string, ts: string, threadTs?: string): string | undefined {
  if (!teamUrl || !TS_PATTERN.test(ts)) return undefined;
  const base = teamUrl.endsWith('/') ? teamUrl : `${teamUrl}/`;
  const link = `${base}archives/${channelId}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${link}?thread_ts=${threadTs}&cid=${channelId}` : link;
}
