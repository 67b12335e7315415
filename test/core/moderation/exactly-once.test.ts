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

  it('opens the member\'s DM while the reminder lock is checked, and still sends the tip when that early open fails', async () => {
    const h = createHarness();
    const order: string[] = [];
    const claimEvent = h.store.claimEvent.bind(h.store);
    h.store.claimEvent = async (key, ttl) => (order.push(`claim ${key}`), claimEvent(key, ttl));
    const open = h.platform.openDirectMessage.bind(h.platform);
    h.platform.openDirectMessage = async (userId) => (order.push(`open ${userId}`), open(userId));
    await h.bot.handleMessage(h.message(CLEAN, { eventId: 'EvQuiet' }));
    expect(h.platform.opened).toEqual([]);
    await h.bot.handleMessage(h.message(PROMO, { eventId: 'EvEarly' }));
    // The event claim comes first; the DM is opened before the reminder lock (the last claim) is asked.
    expect(order.indexOf('open UALICE')).toBeGreaterThan(0);
    expect(order.indexOf('open UALICE')).toBeLessThan(order.length - 1);
    expect(order.at(-1)).toMatch(/^claim /);
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);

    const h2 = createHarness();
    h2.platform.openFails = true;
    await h2.bot.handleMessage(h2.message(PROMO, { eventId: 'EvOpenFails' }));
    expect(h2.platform.opened).toEqual(['UALICE']);
    expect(h2.platform.dmsTo('UALICE')).toHaveLength(1);
  });
});
