import { describe, expect, it } from 'vitest';
import { createHarness, PROMO, type Harness } from '../harness.js';

async function remindAlice(h: Harness) {
  const m = h.message(PROMO);
  await h.bot.handleMessage(m);
  const dm = h.platform.dmsTo('UALICE')[0];
  const incidentId = dm.message.buttons![0].value;
  return { m, dm, incidentId, committeeLine: h.platform.postsIn('CCOM')[0] };
}

describe('«Publier dans #annonces»', () => {
  it('reposts the text as « Annonce de @alice », thanks her, says how to delete the original, and closes the incident', async () => {
    const h = createHarness();
    const { m, dm, incidentId, committeeLine } = await remindAlice(h);
    const result = await h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.alice, source: dm.ref });
    const repost = h.platform.postsIn('CANN')[0].message.text;
    expect(repost).toContain('Annonce de @alice');
    expect(repost).toContain('shiatsu');
    expect(result.reply?.text).toMatch(/Merci/);
    expect(result.reply?.text).toMatch(/supprimer le message d’origine/);
    expect(result.update?.text).toMatch(/Publié/);
    expect(result.update?.buttons).toBeUndefined();
    expect(await h.store.findIncidentByMessage('playground', m.channel.id, m.id)).toMatchObject({ status: 'closed', closedBy: 'reposted' });
    const update = h.platform.updates.find((u) => u.ref.messageId === committeeLine.ref.messageId);
    expect(update?.message.buttons?.map((b) => b.action)).toEqual(['verdict_false_positive', 'verdict_confirmed']);
  });

  it('belongs to the reminded author only, and does not repost twice', async () => {
    const h = createHarness();
    const { incidentId } = await remindAlice(h);
    const bob = await h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.bob });
    expect(bob.reply?.text).toMatch(/réservé/);
    await h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.alice });
    await h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.alice });
    expect(h.platform.postsIn('CANN')).toHaveLength(1);
  });
});

describe('«Ce n’était pas de la pub»', () => {
  it('marks the incident contested, tells the committee, and never reminds that message again', async () => {
    const h = createHarness({ cooldownDays: 1 });
    const { m, incidentId } = await remindAlice(h);
    const result = await h.bot.handleAction({ platform: 'playground', action: 'not_promo', value: incidentId, user: h.users.alice });
    expect(result.reply?.text).toMatch(/comité est prévenu/);
    expect(h.platform.postsIn('CCOM').at(-1)?.message.text).toMatch(/conteste/);
    expect(await h.store.getIncident(incidentId)).toMatchObject({ contested: true });
    h.clock.advanceDays(3);
    await h.bot.handleMessage({ ...m, text: `${PROMO} !`, isEdit: true, at: h.clock.now() });
    expect(h.platform.dmsTo('UALICE')).toHaveLength(1);
  });
});

describe('committee verdicts', () => {
  it('stores «Bien vu» / «Faux positif» from a committee member, updates the line, and shows them in stats', async () => {
    const h = createHarness();
    const { incidentId, committeeLine } = await remindAlice(h);
    const result = await h.bot.handleAction({ platform: 'playground', action: 'verdict_false_positive', value: incidentId, user: h.users.carol, source: committeeLine.ref });
    expect(result.update?.text).toContain('Verdict : faux positif (@carol)');
    expect(result.update?.buttons).toBeUndefined();
    expect(await h.store.getIncident(incidentId)).toMatchObject({ verdict: 'false_positive', verdictBy: 'UCAROL' });
    const stats = await h.bot.handleCommand(h.command('stats', h.users.carol, h.channels.committee));
    expect(stats.message.text).toMatch(/1 faux positifs/);
  });

  it('refuses verdicts from non-members, checked on every click', async () => {
    const h = createHarness();
    const { incidentId } = await remindAlice(h);
    const result = await h.bot.handleAction({ platform: 'playground', action: 'verdict_confirmed', value: incidentId, user: h.users.bob });
    expect(result.reply?.text).toMatch(/réservé aux membres du comité/);
    expect((await h.store.getIncident(incidentId))?.verdict).toBeUndefined();
    h.platform.leave('CCOM', 'UCAROL');
    const gone = await h.bot.handleAction({ platform: 'playground', action: 'verdict_confirmed', value: incidentId, user: h.users.carol });
    expect(gone.reply?.text).toMatch(/réservé aux membres du comité/);
  });

  it('answers kindly for an unknown or purged incident', async () => {
    const h = createHarness();
    const result = await h.bot.handleAction({ platform: 'playground', action: 'verdict_confirmed', value: 'inc_nope', user: h.users.carol });
    expect(result.reply?.text).toMatch(/n’existe plus/);
  });
});

describe('double clicks', () => {
  it('reposts once when «Publier» is clicked twice at the same time', async () => {
    const h = createHarness();
    const { incidentId } = await remindAlice(h);
    const click = () => h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.alice });
    await Promise.all([click(), click(), click()]);
    expect(h.platform.postsIn('CANN')).toHaveLength(1);
  });
});
