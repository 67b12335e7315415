import { describe, expect, it } from 'vitest';
import { CLEAN, createHarness, INSULT, PROMO, PROMO_2 } from '../harness.js';

describe('a promotional post outside #annonces', () => {
  it('sends the author one DM with two buttons, and the committee one terse line', async () => {
    const h = createHarness();
    await h.bot.start();
    await h.bot.handleMessage(h.message(PROMO));

    const dms = h.platform.dmsTo('UALICE');
    expect(dms).toHaveLength(1);
    expect(dms[0].message.text).toContain('~annonces');
    expect(dms[0].message.text).toContain('https://coop.example/charte');
    expect(dms[0].message.text).toContain('— le bot du comité éthique 🤖');
    expect(dms[0].message.text.length).toBeLessThanOrEqual(500);
    expect(dms[0].message.buttons?.map((b) => [b.action, b.label])).toEqual([
      ['repost_annonces', 'Publier dans #annonces'],
      ['not_promo', 'Ce n’était pas de la pub'],
    ]);

    const lines = h.platform.postsIn('CCOM');
    expect(lines).toHaveLength(1);
    expect(lines[0].message.text).toContain('@alice');
    expect(lines[0].message.text).toContain('~general');
    expect(lines[0].message.text).toContain('https://chat.example.test/CGEN/');
    expect(lines[0].message.text).toContain('rappel envoyé en MP');
    expect(lines[0].message.buttons?.map((b) => b.label)).toEqual(['Faux positif', 'Bien vu']);
  });

  it('says nothing about a clean message', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(CLEAN));
    expect(h.platform.dms).toHaveLength(0);
    expect(h.platform.posts).toHaveLength(0);
  });

  it('leaves DMs, bots, #annonces and the committee channel alone', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO, { channel: h.channels.dm }));
    await h.bot.handleMessage(h.message(PROMO, { author: h.users.otherBot }));
    await h.bot.handleMessage(h.message(PROMO, { author: { id: 'UBOT', name: 'charte-bot', isBot: false } }));
    await h.bot.handleMessage(h.message(PROMO, { channel: h.channels.annonces }));
    await h.bot.handleMessage(h.message(PROMO, { channel: h.channels.committee, author: h.users.carol }));
    expect(h.platform.dms).toHaveLength(0);
    expect(h.platform.posts).toHaveLength(0);
  });

  it('watches a private channel the bot was invited to', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO, { channel: h.channels.projets }));
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
  });

  it('sends conduct problems to the committee with a link, and no DM', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(INSULT, { author: h.users.bob }));
    expect(h.platform.dms).toHaveLength(0);
    const lines = h.platform.postsIn('CCOM');
    expect(lines).toHaveLength(1);
    expect(lines[0].message.text).toMatch(/Conduite/);
    expect(lines[0].message.text).toContain('@bob');
    expect(lines[0].message.text).toContain('https://chat.example.test/CGEN/');
  });

  it('writes in English when the locale is en', async () => {
    const h = createHarness({ locale: 'en' });
    await h.bot.handleMessage(h.message(PROMO_2));
    const dm = h.platform.dmsTo('UALICE')[0].message;
    expect(dm.text).toContain('— the ethics committee’s bot 🤖');
    expect(dm.buttons?.map((b) => b.label)).toEqual(['Post in #annonces', 'This wasn’t an ad']);
  });
});
