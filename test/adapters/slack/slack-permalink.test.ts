import { describe, expect, it } from 'vitest';
import { buildSlackPermalink, parseSlackPermalink } from '../../../src/adapters/slack/slack-permalink.js';

describe('Slack permalinks', () => {
  it('parses a message link into channel and ts', () => {
    expect(parseSlackPermalink('https://x.slack.com/archives/C123/p1700000000123456')).toEqual({
      channelId: 'C123',
      ts: '1700000000.123456',
      threadTs: undefined,
      host: 'x.slack.com',
    });
  });

  it('keeps the thread of a reply link, and accepts the <link> form Slack puts in command text', () => {
    const ref = parseSlackPermalink('<https://x.slack.com/archives/C123/p1700000001000200?thread_ts=1700000000.000100&cid=C123>');
    expect(ref?.ts).toBe('1700000001.000200');
    expect(ref?.threadTs).toBe('1700000000.000100');
  });

  it('refuses what is not a Slack message link', () => {
    for (const bad of ['', 'bonjour', 'https://evil.example/archives/C123/p1700000000123456', 'https://x.slack.com/archives/C123', 'https://x.slack.com/archives/C123/p17']) {
      expect(parseSlackPermalink(bad)).toBeUndefined();
    }
  });

  it('builds the same link locally', () => {
    const link = buildSlackPermalink('https://x.slack.com/', 'C123', '1700000000.123456');
    expect(link).toBe('https://x.slack.com/archives/C123/p1700000000123456');
    expect(parseSlackPermalink(link ?? '')?.ts).toBe('1700000000.123456');
  });
});
