import { describe, expect, it } from 'vitest';
import { CLEAN, createHarness, PROMO } from '../harness.js';

describe('edits, redeliveries and closing', () => {
  it('catches a clean message edited into promotion', async () => {
    const h = createHarness();
    const original = h.message(CLEAN);
    await h.bot.handleMessage(original);
    h.clock.advance(60_000);
    await h.bot.handleMessage({ ...original, text: PROMO, isEdit: true, at: h.clock.now() });
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
  });

  it('never reminds the same message twice, however often it is edited', async () => {
    const h = createHarness({ cooldownDays: 1 });
    const original = h.message(PROMO);
    await h.bot.handleMessage(original);
    h.clock.advanceDays(3);
    await h.bot.handleMessage({ ...original, text: `${PROMO} (édité)`, isEdit: true, at: h.clock.now() });
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
    expect(h.platform.postsIn('CCOM')).toHaveLength(1);
  });

  it('ignores a redelivered event (same event id)', async () => {
    const h = createHarness();
    const m = h.message(PROMO, { eventId: 'Ev123' });
    await h.bot.handleMessage(m);
    await h.bot.handleMessage({ ...m, id: 'another-id' });
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
  });

  it('closes the incident when the message is deleted', async () => {
    const h = createHarness();
    const m = h.message(PROMO);
    await h.bot.handleMessage(m);
    await h.bot.handleMessageDeleted({ platform: 'playground', channelId: m.channel.id, messageId: m.id });
    const incident = await h.store.findIncidentByMessage('playground', m.channel.id, m.id);
    expect(incident).toMatchObject({ status: 'closed', closedBy: 'deleted' });
    expect(incident?.repostText).toBeUndefined();
  });

  it('closes the incident when the author reposts it in #annonces by hand', async () => {
    const h = createHarness();
    const m = h.message(PROMO);
    await h.bot.handleMessage(m);
    await h.bot.handleMessage(h.message(`Rebonjour ! ${PROMO}`, { channel: h.channels.annonces }));
    expect(await h.store.findIncidentByMessage('playground', m.channel.id, m.id)).toMatchObject({ status: 'closed', closedBy: 'reposted' });
    expect(h.platform.dms).toHaveLength(1);
  });

  it('keeps an unrelated post in #annonces from closing anything', async () => {
    const h = createHarness();
    const m = h.message(PROMO);
    await h.bot.handleMessage(m);
    await h.bot.handleMessage(h.message('Cours de poterie le samedi matin, 20 € la séance, inscriptions ouvertes', { channel: h.channels.annonces }));
    expect(await h.store.findIncidentByMessage('playground', m.channel.id, m.id)).toMatchObject({ status: 'open' });
  });
});
