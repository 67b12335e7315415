import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from './playground-test-context.js';

let pg: TestPlayground;
beforeEach(async () => {
  pg = await startTestPlayground();
});
afterEach(async () => {
  await pg.running.stop();
});

const PROMO = 'Mon pack logo à 490 €, écrivez-moi !';

describe('playground API: what each member sees', () => {
  it('hides the committee channel and its messages from non-members', async () => {
    const camille = await pg.state('camille');
    const sophie = await pg.state('sophie');
    expect(camille.channels.map((c: any) => c.id)).toEqual(['general', 'entraide', 'annonces', 'dm-camille']);
    expect(sophie.channels.map((c: any) => c.id)).toContain('comite-charte');
    expect(camille.messages.some((m: any) => m.channelId === 'comite-charte')).toBe(false);
    expect(sophie.messages.some((m: any) => m.channelId === 'comite-charte')).toBe(true);
  });

  it('lists the invented members, one on the committee and one from the support staff', async () => {
    const { members } = await pg.state('camille');
    expect(members.filter((m: any) => !m.isBot).length).toBeGreaterThanOrEqual(5);
    expect(members.find((m: any) => m.committee)?.id).toBe('sophie');
    expect(members.find((m: any) => m.staff)?.title).toBe("chargée d'accompagnement");
  });

  it('answers 404 for an unknown member', async () => {
    const res = await fetch(`${pg.running.url}/api/state?as=inconnu`);
    expect(res.status).toBe(404);
  });
});

describe('playground API: the promotion scenario through the core', () => {
  it('hands a posted message to the core and shows the DM and the committee line to the right people', async () => {
    const res = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    expect(res.status).toBe(200);
    expect(pg.core().messages.at(-1)).toMatchObject({
      platform: 'playground',
      channel: { id: 'general', name: 'general', kind: 'public' },
      author: { id: 'camille', isBot: false },
      text: PROMO,
      isEdit: false,
    });
    const camille = await pg.state('camille');
    const dm = camille.messages.find((m: any) => m.channelId === 'dm-camille');
    expect(dm.buttons.map((b: any) => b.label)).toEqual(['Publier dans #annonces', "Ce n'était pas de la pub"]);
    expect((await pg.state('yanis')).messages.some((m: any) => m.channelId === 'dm-camille')).toBe(false);
    const line = (await pg.state('sophie')).messages.find((m: any) => m.channelId === 'comite-charte' && m.authorId === 'charte-bot');
    expect(line.text).toContain('Annonce de @camille');
  });

  it('runs a button click through the core: repost in #annonces, buttons gone, then «Bien vu»', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    const dm = (await pg.state('camille')).messages.find((m: any) => m.channelId === 'dm-camille');
    const click = await pg.post('/api/actions', { as: 'camille', action: 'repost_annonces', value: dm.buttons[0].value, messageId: dm.id });
    expect(click.status).toBe(200);
    expect(pg.core().actions[0]).toMatchObject({ action: 'repost_annonces', user: { id: 'camille' }, source: { channelId: 'dm-camille', messageId: dm.id } });
    const after = await pg.state('camille');
    expect(after.messages.find((m: any) => m.id === dm.id)).toMatchObject({ text: '✅ Publié dans #annonces. Merci !' });
    expect(after.messages.find((m: any) => m.id === dm.id).buttons).toBeUndefined();
    expect(after.messages.some((m: any) => m.channelId === 'annonces' && m.text.includes('490'))).toBe(true);

    const line = (await pg.state('sophie')).messages.find((m: any) => m.channelId === 'comite-charte' && m.buttons);
    const ok = await pg.post('/api/actions', { as: 'sophie', action: 'verdict_confirmed', value: line.buttons[1].value, messageId: line.id });
    expect(ok.json.reply).toMatchObject({ text: 'Merci !', visibleTo: 'sophie' });
    expect((await pg.state('sophie')).messages.find((m: any) => m.id === line.id).text).toContain('Bien vu');
  });

  it('refuses forged clicks: a button not on the message, or a message the member cannot see', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: PROMO });
    const dm = (await pg.state('camille')).messages.find((m: any) => m.channelId === 'dm-camille');
    const forged = await pg.post('/api/actions', { as: 'camille', action: 'verdict_confirmed', value: dm.buttons[0].value, messageId: dm.id });
    expect(forged.status).toBe(409);
    const other = await pg.post('/api/actions', { as: 'yanis', action: 'repost_annonces', value: dm.buttons[0].value, messageId: dm.id });
    expect(other.status).toBe(404);
    expect(pg.core().actions).toHaveLength(0);
  });

  it('gives the core the thread parent of a reply', async () => {
    const root = (await pg.post('/api/messages', { as: 'mathieu', channel: 'entraide', text: 'Qui fait des sites ?' })).json.message;
    await pg.post('/api/messages', { as: 'yanis', channel: 'entraide', text: 'Moi, 490 € le site', threadId: root.id });
    expect(pg.core().messages.at(-1)?.thread).toEqual({ id: root.id, text: 'Qui fait des sites ?', authorId: 'mathieu' });
  });

  it('sends edits as edits with a new delivery id, and deletions to the core', async () => {
    const m = (await pg.post('/api/messages', { as: 'lea', channel: 'general', text: 'Bonjour' })).json.message;
    await pg.post('/api/edit', { as: 'lea', messageId: m.id, text: 'Bonjour, shooting à 90 €' });
    const edit = pg.core().messages.at(-1)!;
    expect(edit).toMatchObject({ id: m.id, isEdit: true, text: 'Bonjour, shooting à 90 €' });
    expect(edit.eventId).not.toBe(m.id);
    expect((await pg.post('/api/edit', { as: 'yanis', messageId: m.id, text: 'piraté' })).status).toBe(403);
    expect((await pg.post('/api/delete', { as: 'lea', messageId: m.id })).status).toBe(200);
    expect(pg.core().deleted).toEqual([{ platform: 'playground', channelId: 'general', messageId: m.id }]);
    expect((await pg.state('lea')).messages.some((x: any) => x.id === m.id)).toBe(false);
  });

  it('keeps the member’s post and says so when the core fails', async () => {
    pg.core().failNextMessage = true;
    const res = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: 'Salut' });
    expect(res.status).toBe(200);
    expect(res.json.warning).toBe('bot_unavailable');
    expect((await pg.state('camille')).messages.some((m: any) => m.text === 'Salut')).toBe(true);
  });
});

describe('playground API: /charte commands', () => {
  it('passes /charte … to the core and shows an ephemeral answer to the invoker only', async () => {
    const res = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: '/charte aide' });
    expect(pg.core().commands[0]).toMatchObject({ platform: 'playground', text: 'aide', user: { id: 'camille' }, channel: { id: 'general' } });
    expect(res.json.message).toMatchObject({ authorId: 'charte-bot', visibleTo: 'camille' });
    expect((await pg.state('camille')).messages.find((m: any) => m.id === res.json.message.id)).toMatchObject({ ephemeral: true });
    expect((await pg.state('yanis')).messages.some((m: any) => m.id === res.json.message.id)).toBe(false);
    expect(pg.core().messages).toHaveLength(0);
  });

  it('lets the core tell committee members from others', async () => {
    const sophie = await pg.post('/api/messages', { as: 'sophie', channel: 'comite-charte', text: '/charte mode observation' });
    const camille = await pg.post('/api/messages', { as: 'camille', channel: 'general', text: '/charte mode observation' });
    expect(sophie.json.message.text).toBe('Mode : observation.');
    expect(camille.json.message.text).toBe('Réservé au comité.');
  });

  it('posts in_channel answers for everyone, and answers an unknown slash command without the core', async () => {
    const shared = await pg.post('/api/messages', { as: 'nadia', channel: 'general', text: '/charte annonce' });
    expect((await pg.state('yanis')).messages.some((m: any) => m.id === shared.json.message.id)).toBe(true);
    const unknown = await pg.post('/api/messages', { as: 'nadia', channel: 'general', text: '/meteo' });
    expect(unknown.json.message.text).toContain('/meteo');
    expect(pg.core().commands).toHaveLength(1);
  });
});

describe('playground API: bad input never crashes it', () => {
  async function raw(path: string, init: RequestInit) {
    return fetch(`${pg.running.url}${path}`, init);
  }

  it('answers 400 to malformed JSON, 415 to non-JSON, 413 to huge bodies, 405 to the wrong method', async () => {
    expect((await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"as":' })).status).toBe(400);
    expect((await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' })).status).toBe(400);
    expect((await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const huge = JSON.stringify({ as: 'camille', channel: 'general', text: 'x'.repeat(100_000) });
    expect((await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge })).status).toBe(413);
    expect((await raw('/api/messages', { method: 'GET' })).status).toBe(405);
    expect((await pg.state('camille')).me).toBe('camille');
  });

  it('rejects over-long text, unknown channels, channels the member cannot see, and missing fields', async () => {
    expect((await pg.post('/api/messages', { as: 'camille', channel: 'general', text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await pg.post('/api/messages', { as: 'camille', channel: 'nulle-part', text: 'a' })).status).toBe(404);
    expect((await pg.post('/api/messages', { as: 'camille', channel: 'comite-charte', text: 'coucou' })).status).toBe(404);
    expect((await pg.post('/api/messages', { as: 'camille', channel: 'general', text: '   ' })).status).toBe(400);
    expect((await pg.post('/api/messages', { channel: 'general', text: 'a' })).json).toMatchObject({ error: 'missing_field' });
    expect((await pg.post('/api/messages', { as: 'camille', channel: 'general', text: 42 })).json).toMatchObject({ error: 'bad_field' });
    expect(pg.core().messages).toHaveLength(0);
  });

  it('refuses POSTs sent from another site', async () => {
    const res = await raw('/api/reset', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
  });
});

describe('playground API: links', () => {
  it('gives the core a permalink that opens the message in the page', async () => {
    await pg.post('/api/messages', { as: 'camille', channel: 'general', text: 'Un lien vers moi' });
    const link = pg.core().messages.at(-1)!.permalink!;
    expect(link.startsWith(`${pg.running.url}/#c=general&m=`)).toBe(true);
  });
});
