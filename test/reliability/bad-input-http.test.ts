import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start-bot.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { PROMO } from '../core/harness.js';
import { COMMAND_TOKEN, eventually, freePort, mattermostEnv } from '../adapters/mattermost/helpers.js';
import { FakeMattermost } from '../fakes/mattermost/fake-mattermost.js';
import { FakeSlack, postSigned } from '../fakes/slack/fake-slack.js';
import { messageEvent } from '../fakes/slack/slack-payloads.js';

const RUNS = 60;
const junk = () => fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: 'binary', maxLength: 2000 })), RUNS);

describe('a running bot survives junk and keeps working', () => {
  it('Slack over HTTP: signed junk bodies are answered, then a real promotion is still reminded once', async () => {
    const fake = new FakeSlack();
    await fake.start();
    const secret = 'signing-secret-for-fuzz';
    const bot = await startBot({
      env: { SLACK_BOT_TOKEN: 'xoxb-fuzz', SLACK_SIGNING_SECRET: secret, PORT: '0', SLACK_API_URL: fake.apiUrl, STORE_URL: 'memory://' },
      log: silentLogger,
    });
    try {
      const events = `${bot.url}/slack/events`;
      for (const value of junk()) {
        const body = typeof value === 'string' ? value : JSON.stringify({ type: 'event_callback', event_id: 'EvJUNK', event: value });
        const res = await postSigned(events, body, secret);
        expect(res.status).toBeLessThan(500);
      }
      const huge = JSON.stringify(messageEvent({ text: `${'bla '.repeat(25_000)} ${PROMO}`, eventId: 'EvHUGE' }));
      expect((await postSigned(events, huge, secret)).status).toBe(200);
      await postSigned(events, JSON.stringify(messageEvent({ text: PROMO, eventId: 'EvREAL' })), secret);
      await eventually(() => fake.dmsTo('U0ALICE').length >= 1, 5000);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
      await fake.stop();
    }
  }, 60_000);

  it('Mattermost: junk slash commands, button calls and WebSocket events get 4xx or a skip, then a promotion is reminded once', async () => {
    const fake = await new FakeMattermost().start();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const bot = await startBot({
      env: mattermostEnv(fake, port),
      log: silentLogger,
    });
    try {
      const general = fake.state.channel('general').id;
      for (const value of junk()) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        const command = await fetch(`${base}/mattermost/command`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: COMMAND_TOKEN, text, user_id: 'nobody', channel_id: general, command: '/charte' }),
        });
        expect(command.status).toBeLessThan(500);
        const action = await fetch(`${base}/mattermost/action`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
        expect(action.status).toBeLessThan(500);
        fake.broadcast('posted', { post: text, channel_type: 'O' }, general);
      }
      fake.post('alice', 'general', PROMO);
      await eventually(() => fake.dmsTo('alice').length === 1, 5000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
      await fake.stop();
    }
  }, 60_000);
});
