import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCoreConfig } from '../../../src/core/core-config.js';
import { createModerationBot } from '../../../src/core/moderation/create-moderation-bot.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { createStore, type CreatedStore } from '../../../src/store/create-store.js';
import type { FakePost } from '../../fakes/mattermost/fake-mattermost-state.js';
import { CLEAN, INSULT, PROMO } from '../../core/harness.js';
import { COMMAND_TOKEN, eventually, settle, slash, startHarness, type Harness } from './helpers.js';

/** A live group mention as Mattermost's server sees one. */
const LIVE_GROUP_MENTION = /@(channel|all|here)(?![\p{L}\p{N}])/iu;
const GRAPHIC_ASK = "Quelqu'un connaît un bon graphiste pour refaire mon logo ? Vos tarifs m'intéressent, envoyez-moi vos offres !";
const GRAPHIC_OFFER = 'Moi ! Je fais des logos à partir de 290 €, écris-moi en MP : https://graphiste.example';

/** Issue 5's bars: the real core behind the adapter, the real Client4/WebSocketClient, a fake Mattermost. */
describe('Mattermost bars (real core)', () => {
  let h: Harness;
  let created: CreatedStore;

  beforeEach(async () => {
    created = await createStore('memory://', silentLogger, { namespace: `mm${Math.random()}` });
    h = await startHarness((platform) =>
      createModerationBot({
        platform,
        store: created.store,
        clock: systemClock,
        log: silentLogger,
        config: { ...defaultCoreConfig, generalChannel: 'town-square', charterUrl: 'https://coop.example/charte' },
      }),
    );
  });
  afterEach(async () => {
    await h.stop();
    await created.close();
  });

  const committeeLines = () => h.fake.botPostsIn('comite-charte');
  const allText = (p: FakePost) => `${p.message}\n${JSON.stringify(p.props)}`;

  it('opens an authenticated WebSocket', () => {
    expect(h.fake.authentications.map((a) => a.userId)).toEqual([h.fake.state.bot.id]);
    expect(h.fake.authenticatedSockets).toBe(1);
  });

  it('a promotion in ~general gives its author exactly one DM naming ~annonces, and the committee a line', async () => {
    h.fake.post('alice', 'general', PROMO);
    await eventually(() => h.fake.dmsTo('alice').length === 1 && committeeLines().length === 1);
    await settle();
    const [dm] = h.fake.dmsTo('alice');
    expect(h.fake.dmsTo('alice')).toHaveLength(1);
    expect(dm.message).toContain('~annonces');
    expect((dm.props.attachments as unknown[]).length).toBe(1);
    expect(committeeLines()).toHaveLength(1);
    expect(committeeLines()[0].message).toContain('@alice');
  });

  it('ordinary messages, and promotion in ~annonces, get nothing', async () => {
    h.fake.post('alice', 'general', CLEAN);
    h.fake.post('bob', 'annonces', PROMO);
    h.fake.post('carole', 'general', 'marqueur');
    await settle(500);
    expect(h.fake.botPosts()).toHaveLength(0);
  });

  it('an insult reaches the committee only', async () => {
    h.fake.post('bob', 'general', INSULT);
    await eventually(() => committeeLines().length === 1);
    await settle();
    expect(h.fake.dmsTo('bob')).toHaveLength(0);
    expect(h.fake.botPosts()).toHaveLength(1);
  });

  it('an edit into promotion is caught', async () => {
    const post = h.fake.post('alice', 'general', CLEAN);
    await settle();
    expect(h.fake.dmsTo('alice')).toHaveLength(0);
    h.fake.edit(post.id, PROMO);
    await eventually(() => h.fake.dmsTo('alice').length === 1);
  });

  it('a solicited thread reply is left alone', async () => {
    const ask = h.fake.post('bob', 'general', GRAPHIC_ASK);
    h.fake.post('alice', 'general', GRAPHIC_OFFER, { root_id: ask.id });
    h.fake.post('carole', 'general', GRAPHIC_OFFER);
    // The same text unsolicited is caught: proves the thread root reached the core.
    await eventually(() => h.fake.dmsTo('carole').length === 1);
    await settle();
    expect(h.fake.dmsTo('alice')).toHaveLength(0);
  });

  it('/charte aide answers with JSON; a wrong command token is refused', async () => {
    const fields = { channel_id: h.fake.state.channel('general').id, channel_name: 'general', command: '/charte', text: 'aide', team_id: h.fake.state.team.id, user_id: h.fake.state.user('bob').id, user_name: 'bob' };
    const ok = await slash(h.botUrl, { ...fields, token: COMMAND_TOKEN });
    expect(ok.status).toBe(200);
    expect(ok.body.response_type).toBe('ephemeral');
    expect(ok.body.text).toMatch(/aide/);
    const refused = await slash(h.botUrl, { ...fields, token: `${COMMAND_TOKEN}x` });
    expect(refused.status).toBe(401);
  });

  it('a non-member cannot switch the mode; a committee member can', async () => {
    const as = (user: string) => ({ channel_id: h.fake.state.channel('general').id, channel_name: 'general', command: '/charte', text: 'mode observation', team_id: h.fake.state.team.id, user_id: h.fake.state.user(user).id, user_name: user, token: COMMAND_TOKEN });
    const refused = await slash(h.botUrl, as('alice'));
    expect(refused.body.text).toMatch(/réservée aux membres du comité/);
    h.fake.post('alice', 'general', PROMO);
    await eventually(() => h.fake.dmsTo('alice').length === 1);
    const accepted = await slash(h.botUrl, as('carole'));
    expect(accepted.body.text).not.toMatch(/réservée/);
    h.fake.post('bob', 'general', PROMO);
    await eventually(() => committeeLines().length === 2);
    await settle();
    expect(h.fake.dmsTo('bob')).toHaveLength(0);
  });

  it('nothing the bot posts carries a live @channel, @all or @here', async () => {
    h.fake.post('alice', 'general', `@channel @all ${PROMO} @here`);
    h.fake.post('bob', 'general', `@here ${INSULT} @channel`);
    await eventually(() => h.fake.dmsTo('alice').length === 1 && committeeLines().length === 2);
    const help = await slash(h.botUrl, { channel_id: h.fake.state.channel('general').id, command: '/charte', text: 'test @channel promo -50% sur mes cours, 20 € : https://x.example', user_id: h.fake.state.user('bob').id, user_name: 'bob', token: COMMAND_TOKEN });
    const posted = h.fake.botPosts();
    expect(posted.length).toBeGreaterThanOrEqual(3);
    for (const p of posted) expect(allText(p)).not.toMatch(LIVE_GROUP_MENTION);
    expect(JSON.stringify(help.body)).not.toMatch(LIVE_GROUP_MENTION);
  });

  it('after the WebSocket is cut, a post made during the gap is handled once', async () => {
    h.fake.cutWebSockets();
    await settle(150);
    h.fake.post('alice', 'general', PROMO);
    h.fake.restoreWebSockets();
    await eventually(() => h.fake.authentications.length >= 2);
    await eventually(() => h.fake.dmsTo('alice').length === 1);
    // A second cut makes the bot catch up again over the same post: still one DM.
    h.fake.cutWebSockets();
    await settle(150);
    h.fake.restoreWebSockets();
    await eventually(() => h.fake.authentications.length >= 3);
    await settle(400);
    expect(h.fake.dmsTo('alice')).toHaveLength(1);
    expect(committeeLines()).toHaveLength(1);
  });

  it('« Publier dans #annonces » reposts in ~annonces and removes the used buttons', async () => {
    h.fake.post('alice', 'general', PROMO);
    const [dm] = await eventually(() => h.fake.dmsTo('alice').length === 1 && h.fake.dmsTo('alice'));
    const click = await h.fake.click(dm.id, 0, 'alice');
    expect(click.status).toBe(200);
    const [repost] = await eventually(() => h.fake.botPostsIn('annonces').length === 1 && h.fake.botPostsIn('annonces'));
    expect(repost.message).toContain('shiatsu');
    expect(repost.message).toContain('@alice');
    expect(h.fake.state.posts.get(dm.id)?.props.attachments).toBeUndefined();
  });
});
