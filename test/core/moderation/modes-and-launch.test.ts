import { describe, expect, it } from 'vitest';
import { createHarness, PROMO, PROMO_2 } from '../harness.js';

describe('observation mode', () => {
  it('shows the committee what would have been sent, and sends authors nothing', async () => {
    const h = createHarness({ mode: 'observation' });
    await h.bot.handleMessage(h.message(PROMO));
    expect(h.platform.dms).toHaveLength(0);
    const line = h.platform.postsIn('CCOM')[0].message.text;
    expect(line).toContain('aurait envoyé');
    expect(line).toContain('le bot du comité éthique');
  });

  it('is switched by the committee, and the stored setting wins over the start mode', async () => {
    const h = createHarness({ mode: 'observation' });
    const reply = await h.bot.handleCommand(h.command('mode actif', h.users.carol, h.channels.committee));
    expect(reply.message.text).toMatch(/Mode actif/);
    await h.bot.handleMessage(h.message(PROMO));
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    await h.bot.handleCommand(h.command('mode observation', h.users.carol, h.channels.committee));
    await h.bot.handleMessage(h.message(PROMO_2, { author: h.users.bob }));
    expect(h.platform.dmsTo('UBOB')).toHaveLength(0);
  });
});

describe('launch with a grace period', () => {
  it('announces #annonces in the general channel and softens reminders until the date', async () => {
    const h = createHarness();
    const reply = await h.bot.handleCommand(h.command('lancement 2026-12-15', h.users.carol, h.channels.committee));
    expect(reply.visibility).toBe('ephemeral');
    const announcement = h.platform.postsIn('CGEN')[0].message.text;
    expect(announcement).toContain('~annonces');
    expect(announcement).toContain('15 décembre');
    expect(announcement).toMatch(/préparer ta petite pub/);
    const before = h.platform.postsIn('CCOM').length;

    await h.bot.handleMessage(h.message(PROMO));
    const dm = h.platform.dmsTo('UALICE')[0].message.text;
    expect(dm).toContain('à partir du 15 décembre');
    expect(h.platform.postsIn('CCOM')).toHaveLength(before); // committee not alerted during the grace period
  });

  it('accepts DD/MM/YYYY, refuses nonsense with the usage line', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('lancement 15/12/2026', h.users.carol, h.channels.committee));
    expect((await h.store.getSettings()).launchDate).toBe('2026-12-15');
    const bad = await h.bot.handleCommand(h.command('lancement 31/02/2026', h.users.carol, h.channels.committee));
    expect(bad.message.text).toMatch(/Usage/);
  });

  it('goes back to normal reminders and committee lines from the launch date on', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('lancement 2026-11-10', h.users.carol, h.channels.committee));
    h.clock.set('2026-11-10T08:00:00Z');
    await h.bot.handleMessage(h.message(PROMO));
    expect(h.platform.dmsTo('UALICE')[0].message.text).not.toContain('à partir du');
    expect(h.platform.postsIn('CCOM').some((p) => /rappel envoyé en MP/.test(p.message.text))).toBe(true);
  });
});
