import { describe, expect, it } from 'vitest';
import { createHarness, PROMO, PROMO_2 } from '../harness.js';

describe('daily digest', () => {
  it('groups committee lines into one summary at the set hour instead of one line per incident', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('quotidien 18', h.users.carol, h.channels.committee));
    const afterSetting = h.platform.postsIn('CCOM').length;
    await h.bot.handleMessage(h.message(PROMO));
    await h.bot.handleMessage(h.message(PROMO_2, { author: h.users.bob }));
    expect(h.platform.dms).toHaveLength(2);
    expect(h.platform.postsIn('CCOM')).toHaveLength(afterSetting);

    await h.bot.tick(); // 11:00 Paris: not yet
    expect(h.platform.postsIn('CCOM')).toHaveLength(afterSetting);
    h.clock.set('2026-11-02T17:01:00Z'); // 18:01 Paris
    await h.bot.tick();
    await h.bot.tick();
    const digests = h.platform.postsIn('CCOM').slice(afterSetting);
    expect(digests).toHaveLength(1);
    expect(digests[0].message.text).toContain('Résumé du jour : 2 cas');
    expect(digests[0].message.text).toContain('@alice');
    expect(digests[0].message.text).toContain('@bob');
  });

  it('posts the summary now with `resume`', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    const reply = await h.bot.handleCommand(h.command('resume', h.users.carol, h.channels.committee));
    expect(reply.message.text).toMatch(/Résumé posté/);
    expect(h.platform.postsIn('CCOM').at(-1)?.message.text).toContain('Résumé du jour : 1 cas');
  });
});

describe('retention', () => {
  it('purges incidents after RETENTION_DAYS on the daily tick', async () => {
    const h = createHarness({ retentionDays: 30 });
    const m = h.message(PROMO);
    await h.bot.handleMessage(m);
    h.clock.advanceDays(31);
    await h.bot.tick();
    expect(await h.store.findIncidentByMessage('playground', m.channel.id, m.id)).toBeUndefined();
    const data = await h.bot.handleCommand(h.command('mes-donnees'));
    expect(data.message.text).toMatch(/Je ne garde rien sur toi/);
  });
});
