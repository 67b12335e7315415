import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/core/errors.js';
import { createHarness, PROMO } from '../harness.js';

describe('exactly-once under failures', () => {
  it('throws when the DM fails, so the platform redelivers, and the retry reminds exactly once', async () => {
    const h = createHarness();
    const m = h.message(PROMO, { eventId: 'EvDM' });
    h.platform.failNext('sendDirectMessage');
    await expect(h.bot.handleMessage(m)).rejects.toBeInstanceOf(PlatformError);
    expect(h.platform.dms).toHaveLength(0);
    await h.bot.handleMessage(m);
    await h.bot.handleMessage(m);
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    expect(h.platform.postsIn('CCOM')).toHaveLength(1);
  });

  it('posts the owed committee line on redelivery without a second DM', async () => {
    const h = createHarness();
    const m = h.message(PROMO, { eventId: 'EvCom' });
    h.platform.failNext('postToChannel');
    await expect(h.bot.handleMessage(m)).rejects.toBeInstanceOf(PlatformError);
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    expect(h.platform.postsIn('CCOM')).toHaveLength(0);
    await h.bot.handleMessage(m);
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    expect(h.platform.postsIn('CCOM')).toHaveLength(1);
    await h.bot.handleMessage(m);
    expect(h.platform.postsIn('CCOM')).toHaveLength(1);
  });
});
