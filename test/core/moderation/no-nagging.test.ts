import { describe, expect, it } from 'vitest';
import { createHarness, PROMO, PROMO_2 } from '../harness.js';

describe('no nagging', () => {
  it('records a repeat inside the 7-day cooldown and shows it to the committee, with no DM', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    h.clock.advanceDays(2);
    await h.bot.handleMessage(h.message(PROMO_2));
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    const lines = h.platform.postsIn('CCOM');
    expect(lines).toHaveLength(2);
    expect(lines[1].message.text).toMatch(/pas de MP/);
    expect(lines[1].message.text).toContain('2 novembre');
  });

  it('reminds again once the cooldown is over', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    h.clock.advanceDays(8);
    await h.bot.handleMessage(h.message(PROMO_2));
    expect(h.platform.dmsTo('UALICE')).toHaveLength(2);
  });

  it('honours a configured cooldown', async () => {
    const h = createHarness({ cooldownDays: 1 });
    await h.bot.handleMessage(h.message(PROMO));
    h.clock.advanceDays(2);
    await h.bot.handleMessage(h.message(PROMO_2));
    expect(h.platform.dmsTo('UALICE')).toHaveLength(2);
  });

  it('alerts the committee once with « récidive » after three reminders in 30 days, never a sanction', async () => {
    const h = createHarness();
    for (let i = 0; i < 4; i++) {
      await h.bot.handleMessage(h.message(i % 2 ? PROMO : PROMO_2));
      h.clock.advanceDays(8);
    }
    expect(h.platform.dmsTo('UALICE')).toHaveLength(4);
    const alerts = h.platform.postsIn('CCOM').filter((p) => /Récidive/.test(p.message.text));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message.text).toContain('@alice');
    expect(alerts[0].message.text).toContain('3 rappels en 30 jours');
    expect(alerts[0].message.text).toMatch(/Aucune sanction automatique/);
  });

  it('never sends the same joke twice in a row to an author', async () => {
    const h = createHarness();
    const openers: string[] = [];
    for (let i = 0; i < 15; i++) {
      await h.bot.handleMessage(h.message(PROMO));
      h.clock.advanceDays(8);
      openers.push(h.platform.dmsTo('UALICE').at(-1)!.message.text.split('\n')[0]);
    }
    for (let i = 1; i < openers.length; i++) expect(openers[i]).not.toBe(openers[i - 1]);
    expect(new Set(openers).size).toBeGreaterThan(5);
  });
});
