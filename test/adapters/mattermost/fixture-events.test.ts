import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionSigner } from '../../../src/adapters/mattermost/action-signer.js';
import { RecordingCore } from '../../fakes/mattermost/recording-core.js';
import { COMMAND_TOKEN, eventually, settle, startHarness, type Harness } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/mattermost/${name}`, import.meta.url), 'utf8');
const event = (name: string) => JSON.parse(fixture(name)) as { event: string; data: Record<string, unknown> & { post: string } };

/** Payloads shaped like Mattermost's own (test/fixtures/mattermost/SOURCES.md) go through the real socket and HTTP paths. */
describe('Mattermost fixtures through the adapter', () => {
  let h: Harness;
  let core: RecordingCore;
  let ids: { alice: string; general: string };

  beforeEach(async () => {
    h = await startHarness((p) => (core = new RecordingCore(p)));
    ids = { alice: h.fake.state.user('alice').id, general: h.fake.state.channel('general').id };
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Re-homes a fixture event onto the fake's users and channels, then sends it on the socket. */
  function emit(name: string, channelId = ids.general) {
    const e = event(name);
    const post = { ...JSON.parse(e.data.post), user_id: ids.alice, channel_id: channelId };
    h.fake.broadcast(e.event, { ...e.data, post: JSON.stringify(post), team_id: h.fake.state.team.id }, channelId);
    return post as { id: string; message: string; edit_at: number };
  }

  it('reads posted, post_edited and post_deleted events (data.post is a JSON string)', async () => {
    const posted = emit('ws-posted.json');
    await eventually(() => core.messages.length === 1);
    expect(core.messages[0]).toMatchObject({ id: posted.id, eventId: posted.id, text: posted.message, isEdit: false, author: { name: 'alice' } });
    const edited = emit('ws-post-edited.json');
    await eventually(() => core.messages.length === 2);
    expect(core.messages[1]).toMatchObject({ id: posted.id, eventId: `${posted.id}:${edited.edit_at}`, isEdit: true, text: edited.message });
    emit('ws-post-deleted.json');
    await eventually(() => core.deletions.length === 1);
    expect(core.deletions[0]).toMatchObject({ messageId: posted.id, channelId: ids.general });
  });

  it('skips a DM even before looking the channel up (channel_type D)', async () => {
    const dm = h.fake.state.directChannel(h.fake.state.bot.id, ids.alice);
    emit('ws-posted-dm.json', dm.id);
    await settle();
    expect(core.messages).toHaveLength(0);
  });

  it('accepts the documented slash command form only with our token', async () => {
    const form = new URLSearchParams(fixture('slash-command-request.form-urlencoded.txt'));
    form.set('user_id', ids.alice);
    form.set('channel_id', ids.general);
    const send = () => fetch(`${h.botUrl}/mattermost/command`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect((await send()).status).toBe(401);
    form.set('token', COMMAND_TOKEN);
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral' });
    expect(core.commands[0]).toMatchObject({ text: 'aide', user: { id: ids.alice }, channel: { name: 'general' } });
  });

  it('accepts the documented action request when the context carries our signature', async () => {
    const body = JSON.parse(fixture('action-request.json'));
    body.user_id = ids.alice;
    body.context = new ActionSigner(h.fake.botToken).sign('not_promo', 'inc-1', ids.alice);
    const send = () => fetch(`${h.botUrl}/mattermost/action`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send()).status).toBe(200);
    expect(core.actions[0]).toMatchObject({ action: 'not_promo', value: 'inc-1', user: { id: ids.alice } });
    body.context.value = 'inc-2';
    expect((await send()).status).toBe(403);
    expect(core.actions).toHaveLength(1);
  });
});
