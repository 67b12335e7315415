import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import type { ChatPlatform } from '../../src/core/ports/chat-platform.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { withRetries } from '../../src/ops/retry-platform.js';

function flakyPlatform(failures: unknown[]): { platform: ChatPlatform; sent: string[] } {
  const sent: string[] = [];
  const queue = [...failures];
  const platform = {
    name: 'playground',
    sendDirectMessage: async (userId: string) => {
      const failure = queue.shift();
      if (failure) throw failure;
      sent.push(userId);
      return { channelId: 'D1', messageId: String(sent.length) };
    },
  } as unknown as ChatPlatform;
  return { platform, sent };
}

describe('withRetries', () => {
  it('waits out a 429 with its Retry-After and delivers the DM exactly once', async () => {
    const waits: number[] = [];
    const { platform, sent } = flakyPlatform([new PlatformError('slow down', { code: 'RATE_LIMITED', retryAfterMs: 1500 })]);
    const retrying = withRetries(platform, silentLogger, { sleep: async (ms) => void waits.push(ms) });
    await retrying.sendDirectMessage('U1', { text: 'hi' });
    expect(sent).toEqual(['U1']);
    expect(waits).toEqual([1500]);
  });

  it('retries 5xx with growing delays, then gives up so the event can be redelivered', async () => {
    const waits: number[] = [];
    const err = Object.assign(new Error('bad gateway'), { status_code: 502 });
    const { platform, sent } = flakyPlatform([err, err, err, err, err]);
    const retrying = withRetries(platform, silentLogger, { attempts: 3, baseDelayMs: 10, sleep: async (ms) => void waits.push(ms) });
    await expect(retrying.sendDirectMessage('U1', { text: 'hi' })).rejects.toThrow('bad gateway');
    expect(waits).toEqual([10, 20]);
    expect(sent).toEqual([]);
  });

  it('does not retry a client error such as 403', async () => {
    const waits: number[] = [];
    const { platform } = flakyPlatform([Object.assign(new Error('forbidden'), { status: 403 })]);
    const retrying = withRetries(platform, silentLogger, { sleep: async (ms) => void waits.push(ms) });
    await expect(retrying.sendDirectMessage('U1', { text: 'hi' })).rejects.toThrow('forbidden');
    expect(waits).toEqual([]);
  });
});
