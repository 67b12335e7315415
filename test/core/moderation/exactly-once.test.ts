import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/core/errors.js';
import { CLEAN, createHarness, PROMO } from '../harness.js';

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

  it('takes no claim for a clean message, so a busy channel costs the store nothing, yet still claims promotions', async () => {
    const h = createHarness();
    const claims: string[] = [];
    const claimEvent = h.store.claimEvent.bind(h.store);
    h.store.claimEvent = async (key, ttl) => (claims.push(key), claimEvent(key, ttl));
    await h.bot.handleMessage(h.message(CLEAN, { eventId: 'EvClean' }));
    await h.bot.handleMessage(h.message(CLEAN, { eventId: 'EvClean' }));
    expect(claims).toEqual([]);
    expect(h.platform.dms).toHaveLength(0);
    const promo = h.message(PROMO, { eventId: 'EvPromo' });
    await h.bot.handleMessage(promo);
    await h.bot.handleMessage(promo);
    expect(claims.filter((k) => k.endsWith(':EvPromo'))).toHaveLength(2);
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
  });
});
