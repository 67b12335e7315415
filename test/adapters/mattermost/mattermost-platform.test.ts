import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionSigner } from '../../../src/adapters/mattermost/action-signer.js';
import { MattermostPlatform } from '../../../src/adapters/mattermost/mattermost-platform.js';
import { createMattermostClient } from '../../../src/adapters/mattermost/mattermost-sdk.js';
import { PlatformError } from '../../../src/core/errors.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';

/** MattermostPlatform over the real Client4 against the fake's REST API. */
describe('MattermostPlatform', () => {
  let fake: FakeMattermost;
  let platform: MattermostPlatform;

  beforeEach(async () => {
    fake = await new FakeMattermost().start();
    platform = new MattermostPlatform({
      client: createMattermostClient(fake.url, fake.botToken),
      url: fake.url,
      teamId: fake.state.team.id,
      teamName: 'coop',
      botUserId: fake.state.bot.id,
      actionUrl: 'https://bot.example.coop/mattermost/action',
      signer: new ActionSigner(fake.botToken),
      clock: systemClock,
      log: silentLogger,
    });
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('finds channels by name in the team, private ones only when the bot is in them', async () => {
    expect(await platform.findChannelByName('annonces')).toMatchObject({ name: 'annonces', kind: 'public' });
    expect(await platform.findChannelByName('~comite-charte')).toMatchObject({ name: 'comite-charte', kind: 'private' });
    expect(await platform.findChannelByName('nexiste-pas')).toBeUndefined();
    expect(fake.calls.some((c) => c.path === `/api/v4/teams/${fake.state.team.id}/channels/name/annonces`)).toBe(true);
  });

  it('checks channel membership (404 → false)', async () => {
    const committee = fake.state.channel('comite-charte').id;
    expect(await platform.isChannelMember(committee, fake.state.user('carole').id)).toBe(true);
    expect(await platform.isChannelMember(committee, fake.state.user('alice').id)).toBe(false);
    expect(await platform.isBotInChannel(committee)).toBe(true);
  });

  it('reuses one DM channel per member and can replace a message, dropping its buttons', async () => {
    const button = { action: 'not_promo' as const, label: 'Pas de la pub', value: 'inc-1' };
    const first = await platform.sendDirectMessage(fake.state.user('alice').id, { text: 'un', buttons: [button] });
    const second = await platform.sendDirectMessage(fake.state.user('alice').id, { text: 'deux' });
    expect(second.channelId).toBe(first.channelId);
    expect(fake.calls.filter((c) => c.path === '/api/v4/channels/direct')).toHaveLength(1);
    await platform.updateMessage(first, { text: '✅ fait' });
    const post = fake.state.posts.get(first.messageId)!;
    expect(post.message).toBe('✅ fait');
    expect(post.props).toEqual({});
  });

  it('posts thread replies with root_id', async () => {
    const general = fake.state.channel('general').id;
    const root = fake.post('alice', 'general', 'question');
    const ref = await platform.postToChannel(general, { text: 'réponse' }, { threadId: root.id });
    expect(fake.state.posts.get(ref.messageId)?.root_id).toBe(root.id);
  });

  it('builds permalinks and resolves them back, only for this server', async () => {
    const post = fake.post('bob', 'general', 'à signaler');
    const link = await platform.permalink(post.channel_id, post.id);
    expect(link).toBe(`${fake.url}/coop/pl/${post.id}`);
    expect(await platform.resolvePermalink(link!)).toEqual({ channelId: post.channel_id, messageId: post.id, text: 'à signaler', authorId: post.user_id });
    expect(await platform.resolvePermalink(`https://ailleurs.example/coop/pl/${post.id}`)).toBeUndefined();
    expect(await platform.resolvePermalink(`${fake.url}/coop/pl/aaaaaaaaaaaaaaaaaaaaaaaaaa`)).toBeUndefined();
  });

  it('turns server failures into PlatformError', async () => {
    await expect(platform.postToChannel('aaaaaaaaaaaaaaaaaaaaaaaaaa', { text: 'x' })).rejects.toBeInstanceOf(PlatformError);
  });
});
