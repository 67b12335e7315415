import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realCoreFactory } from '../../e2e/scenario-core.js';
import { startTestPlayground, type TestPlayground } from './playground-test-context.js';

// The same scenario as the browser test, through the JSON API and the real moderation core.
const PROMO = 'Offre spéciale : site vitrine + logo pour 490 € HT, code promo COOP10, écrivez-moi pour un devis gratuit !';

let pg: TestPlayground;
beforeEach(async () => {
  pg = await startTestPlayground({ stateFile: null }, await realCoreFactory());
});
afterEach(async () => {
  await pg.running.stop();
});

const dmOf = async (who: string) => (await pg.state(who)).messages.filter((m: any) => m.channelId === `dm-${who}`);
const committeeLines = async () => (await pg.state('sophie')).messages.filter((m: any) => m.channelId === 'comite-charte' && m.authorId === 'charte-bot');

describe('playground with the real core', () => {
  it('reminds the author by DM, reposts on click, and lets the committee confirm', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    const [dm] = await dmOf('camille');
    expect(dm.text).toContain('~annonces');
    expect(dm.buttons.map((b: any) => b.action)).toEqual(['repost_annonces', 'not_promo']);

    const line = (await committeeLines()).find((m: any) => m.buttons);
    expect(line.buttons.map((b: any) => b.label)).toEqual(['Faux positif', 'Bien vu']);
    expect(line.text).toContain('@camille');

    const click = await pg.post('/api/actions', { as: 'camille', action: 'repost_annonces', value: dm.buttons[0].value, messageId: dm.id });
    expect(click.status).toBe(200);
    const annonces = (await pg.state('yanis')).messages.filter((m: any) => m.channelId === 'annonces' && m.authorId === 'charte-bot');
    expect(annonces.at(-1).text).toContain('490');
    expect((await dmOf('camille')).find((m: any) => m.id === dm.id).buttons).toBeUndefined();

    const confirm = line.buttons.find((b: any) => b.action === 'verdict_confirmed');
    await pg.post('/api/actions', { as: 'sophie', action: 'verdict_confirmed', value: confirm.value, messageId: line.id });
    const after = (await committeeLines()).find((m: any) => m.id === line.id);
    expect(after.buttons).toBeUndefined();
    expect(after.text).toContain('@sophie');
  });

  it('lets the committee confirm before the author has acted', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    const line = (await committeeLines()).find((m: any) => m.buttons);
    const confirm = line.buttons.find((b: any) => b.action === 'verdict_confirmed');
    expect((await pg.post('/api/actions', { as: 'sophie', action: 'verdict_confirmed', value: confirm.value, messageId: line.id })).status).toBe(200);
    expect((await committeeLines()).find((m: any) => m.id === line.id).text).toContain('@sophie');
    // Camille cannot see the committee channel, so she cannot click there either.
    expect((await pg.post('/api/actions', { as: 'camille', action: 'verdict_confirmed', value: confirm.value, messageId: line.id })).status).toBe(404);
  });

  it('leaves #annonces and clean messages alone', async () => {
    await pg.post('/api/messages', { as: 'lea', channel: 'annonces', text: PROMO });
    await pg.post('/api/messages', { as: 'yanis', channel: 'general', text: "Quelqu'un connaît un bon réparateur de vélo ? Merci !" });
    expect(await dmOf('lea')).toEqual([]);
    expect(await dmOf('yanis')).toEqual([]);
  });

  it('answers /charte commands, with committee-only ones refused to others', async () => {
    const help = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: '/charte aide' });
    expect(help.json.message).toMatchObject({ authorId: 'charte-bot', visibleTo: 'camille' });
    expect(help.json.message.text.length).toBeGreaterThan(20);
    const asMember = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: '/charte mode observation' });
    const asCommittee = await pg.post('/api/messages', { as: 'sophie', channel: 'comite-charte', text: '/charte mode observation' });
    expect(asMember.json.message.text).not.toBe(asCommittee.json.message.text);
  });

  it('forgets every member on reset, so the same post gets a reminder again', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    expect(await dmOf('camille')).toHaveLength(1);
    const reset = await pg.post('/api/reset', {});
    expect(reset.json).toMatchObject({ ok: true, forgotten: 6 });
    expect(await dmOf('camille')).toHaveLength(0);
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    expect(await dmOf('camille')).toHaveLength(1);
  });
});
