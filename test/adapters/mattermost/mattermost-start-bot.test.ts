import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/app/start-bot.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';
import { PROMO } from '../../core/harness.js';
import { COMMAND_TOKEN, eventually, freePort, settle, slash } from './helpers.js';

/** The bars through the lead's composition root (config from env, store, retries, metrics), as `charte-bot start` runs it. */
describe('Mattermost through startBot (the composition root)', () => {
  let fake: FakeMattermost;
  let bot: RunningBot;
  let botUrl: string;

  beforeEach(async () => {
    fake = await new FakeMattermost().start();
    const port = await freePort();
    botUrl = `http://127.0.0.1:${port}`;
    bot = await startBot({
      env: {
        MATTERMOST_URL: fake.url,
        MATTERMOST_TOKEN: fake.botToken,
        MATTERMOST_TEAM: 'coop',
        MATTERMOST_COMMAND_TOKEN: COMMAND_TOKEN,
        BOT_PUBLIC_URL: botUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        STORE_URL: 'memory://',
        CHARTER_URL: 'https://coop.example/charte',
      },
      log: silentLogger,
    });
  });
  afterEach(async () => {
    await bot.stop();
    await fake.stop();
  });

  it('promotion in ~general: one DM naming ~annonces, one committee line; /charte aide answers JSON', async () => {
    expect(fake.authentications).toHaveLength(1);
    fake.post('alice', 'general', PROMO);
    await eventually(() => fake.dmsTo('alice').length === 1 && fake.botPostsIn('comite-charte').length === 1);
    expect(fake.dmsTo('alice')[0].message).toContain('~annonces');
    const help = await slash(botUrl, { channel_id: fake.state.channel('general').id, command: '/charte', text: 'aide', user_id: fake.state.user('bob').id, user_name: 'bob', token: COMMAND_TOKEN });
    expect(help).toMatchObject({ status: 200, body: { response_type: 'ephemeral' } });
    const metrics = await (await fetch(`${botUrl}/metrics`)).text();
    expect(metrics.length).toBeGreaterThan(0);
  });

  it('a 429 then a 503 on posting: the DM is retried and arrives exactly once', async () => {
    fake.failNext('POST', /^\/api\/v4\/posts$/, 429);
    fake.failNext('POST', /^\/api\/v4\/posts$/, 503);
    fake.post('alice', 'general', PROMO);
    await eventually(() => fake.dmsTo('alice').length === 1 && fake.botPostsIn('comite-charte').length === 1, 10_000);
    await settle(300);
    expect(fake.failedRequests).toBe(2);
    expect(fake.dmsTo('alice')).toHaveLength(1);
    expect(fake.botPostsIn('comite-charte')).toHaveLength(1);
  });

  it('with the default reconnect backoff, a post made while the WebSocket is down is handled once', async () => {
    fake.cutWebSockets();
    await settle(100);
    fake.post('alice', 'general', PROMO);
    fake.restoreWebSockets();
    await eventually(() => fake.dmsTo('alice').length === 1, 15_000);
    await settle(300);
    expect(fake.dmsTo('alice')).toHaveLength(1);
    expect(fake.authentications).toHaveLength(2);
  }, 30_000);
});
