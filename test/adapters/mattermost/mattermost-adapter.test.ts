import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingCore } from '../../fakes/mattermost/recording-core.js';
import { COMMAND_TOKEN, eventually, settle, slash, startHarness, type Harness } from './helpers.js';

/** The adapter's translation, with the real Client4/WebSocketClient against the fake server and a recording core. */
describe('Mattermost adapter (recording core)', () => {
  let h: Harness;
  let core: RecordingCore;

  beforeEach(async () => {
    h = await startHarness((p) => (core = new RecordingCore(p)));
  });
  afterEach(async () => {
    await h.stop();
  });

  it('starts the core once and opens an authenticated WebSocket with the bot token', async () => {
    expect(core.started).toBe(1);
    expect(h.fake.authentications).toHaveLength(1);
    expect(h.fake.authentications[0].userId).toBe(h.fake.state.bot.id);
  });

  it('hands a channel post to the core with author, channel, event id and permalink', async () => {
    const post = h.fake.post('alice', 'general', 'Bonjour à tous');
    const [m] = await eventually(() => core.messages.length > 0 && core.messages);
    expect(m).toMatchObject({
      platform: 'mattermost',
      id: post.id,
      eventId: post.id,
      text: 'Bonjour à tous',
      isEdit: false,
      at: post.create_at,
      channel: { name: 'general', kind: 'public' },
      author: { name: 'alice', isBot: false },
    });
    expect(m.permalink).toBe(`${h.fake.url}/coop/pl/${post.id}`);
  });

  it('ignores its own posts, other bots, system posts, DMs and group messages', async () => {
    h.fake.post('alice', 'general', 'from_bot', { props: { from_bot: 'true' } });
    h.fake.post('otherbot', 'general', 'un autre bot');
    h.fake.post('alice', 'general', 'alice a rejoint', { type: 'system_join_channel' });
    const dm = h.fake.state.directChannel(h.fake.state.bot.id, h.fake.state.user('alice').id);
    const group = h.fake.state.addChannel('alice-bob-bot', 'G', ['alice', 'bob', 'charte-bot'], '');
    h.fake.post('alice', dm.name, 'PROMO en DM');
    h.fake.post('alice', group.name, 'PROMO en groupe');
    await h.platform.postToChannel(h.fake.state.channel('general').id, { text: 'PROMO du bot lui-même' });
    h.fake.post('bob', 'general', 'marqueur de fin');
    await eventually(() => core.messages.some((m) => m.text === 'marqueur de fin'));
    expect(core.messages.map((m) => m.text)).toEqual(['marqueur de fin']);
  });

  it('passes edits with their own event id, replies with their thread root, and deletions', async () => {
    const root = h.fake.post('bob', 'general', 'Quelqu’un connaît un bon graphiste ?');
    const reply = h.fake.post('alice', 'general', 'Moi ! Mon site : alice.fr', { root_id: root.id });
    await eventually(() => core.messages.length === 2);
    expect(core.messages[1].thread).toEqual({ id: root.id, text: root.message, authorId: root.user_id });
    const edited = h.fake.edit(reply.id, 'Moi ! -20% cette semaine');
    await eventually(() => core.messages.length === 3);
    expect(core.messages[2]).toMatchObject({ id: reply.id, isEdit: true, eventId: `${reply.id}:${edited.edit_at}`, at: edited.edit_at });
    h.fake.remove(reply.id);
    await eventually(() => core.deletions.length === 1);
    expect(core.deletions[0]).toEqual({ platform: 'mattermost', channelId: h.fake.state.channel('general').id, messageId: reply.id });
  });

  it('sends DMs with signed buttons that call the bot back, and applies the update', async () => {
    h.fake.post('alice', 'general', 'PROMO : mes bougies à 12 €');
    const [dm] = await eventually(() => h.fake.dmsTo('alice').length > 0 && h.fake.dmsTo('alice'));
    const actions = (dm.props.attachments as Array<{ actions: Array<{ id: string; integration: { url: string } }> }>)[0].actions;
    expect(actions.map((a) => a.id)).toEqual(['btn0', 'btn1']);
    expect(actions[0].integration.url).toBe(`${h.botUrl}/mattermost/action`);
    const click = await h.fake.click(dm.id, 0, 'alice');
    expect(click.status).toBe(200);
    expect(click.body).toEqual({ update: { message: '✅ Publié dans ~annonces', props: {} }, ephemeral_text: 'Merci !' });
    expect(core.actions[0]).toMatchObject({ action: 'repost_annonces', user: { name: 'alice' }, source: { messageId: dm.id } });
    expect(h.fake.state.posts.get(dm.id)?.props).toEqual({});
  });

  it('refuses a click whose context was not signed by the bot, and a reminder button clicked by someone else', async () => {
    h.fake.post('alice', 'general', 'PROMO');
    const [dm] = await eventually(() => h.fake.dmsTo('alice').length > 0 && h.fake.dmsTo('alice'));
    const forged = await fetch(`${h.botUrl}/mattermost/action`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: h.fake.state.user('bob').id, post_id: dm.id, channel_id: dm.channel_id, context: { action: 'verdict_false_positive', value: 'inc-1', sig: 'nope' } }),
    });
    expect(forged.status).toBe(403);
    const stolen = await h.fake.click(dm.id, 1, 'bob');
    expect(stolen.body.ephemeral_text).toMatch(/quelqu'un d'autre/);
    expect(core.actions).toHaveLength(0);
  });

  it('answers /charte with JSON when the token is right, 401 otherwise', async () => {
    const fields = { channel_id: h.fake.state.channel('general').id, channel_name: 'general', command: '/charte', text: ' aide ', team_id: h.fake.state.team.id, user_id: h.fake.state.user('bob').id, user_name: 'bob' };
    const good = await slash(h.botUrl, { ...fields, token: COMMAND_TOKEN });
    expect(good.status).toBe(200);
    expect(good.body.response_type).toBe('ephemeral');
    expect(good.body.text).toContain('Aide de /charte');
    expect(good.body.text).not.toMatch(/@channel/);
    expect(core.commands[0]).toMatchObject({ text: 'aide', user: { name: 'bob' }, channel: { name: 'general', kind: 'public' } });
    const bad = await slash(h.botUrl, { ...fields, token: 'wrong-token' });
    expect(bad.status).toBe(401);
    const none = await slash(h.botUrl, fields);
    expect(none.status).toBe(401);
    expect(core.commands).toHaveLength(1);
  });

  it('answers 400 to malformed actions, 413 to bodies over 1 MB, 404 elsewhere', async () => {
    const post = (path: string, body: string) => fetch(`${h.botUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect((await post('/mattermost/action', '{not json')).status).toBe(400);
    expect((await post('/mattermost/action', '[]')).status).toBe(400);
    expect((await post('/mattermost/action', JSON.stringify({ user_id: 'x' }))).status).toBe(400);
    expect((await post('/mattermost/command', 'x'.repeat(1024 * 1024 + 10))).status).toBe(413);
    expect((await fetch(`${h.botUrl}/nope`)).status).toBe(404);
  });

  it('reports Mattermost health on /healthz', async () => {
    const up = await fetch(`${h.botUrl}/healthz`);
    expect(up.status).toBe(200);
    expect(((await up.json()) as { checks: Record<string, { ok: boolean }> }).checks.mattermost.ok).toBe(true);
    h.fake.cutWebSockets();
    await settle(100);
    const down = await fetch(`${h.botUrl}/healthz`);
    expect(down.status).toBe(503);
    h.fake.restoreWebSockets();
  });

  it('after the WebSocket is cut, a post made during the gap is handled once', async () => {
    h.fake.post('alice', 'general', 'avant la coupure');
    await eventually(() => core.messages.length === 1);
    h.fake.cutWebSockets();
    await settle(150);
    const gap = h.fake.post('bob', 'general', 'pendant la coupure');
    h.fake.restoreWebSockets();
    await eventually(() => h.fake.authentications.length === 2);
    await eventually(() => core.messages.some((m) => m.id === gap.id));
    h.fake.post('alice', 'general', 'après la coupure');
    await eventually(() => core.messages.length === 3);
    await settle(200);
    expect(core.messages.map((m) => m.text)).toEqual(['avant la coupure', 'pendant la coupure', 'après la coupure']);
  });

  it('retries an event the core failed on', async () => {
    core.failNext = 1;
    h.fake.post('alice', 'general', 'message important');
    await eventually(() => core.messages.length === 1, 5000);
  });
});
