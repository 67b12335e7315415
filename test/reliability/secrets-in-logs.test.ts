import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start-bot.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { PROMO } from '../core/harness.js';
import { FakeMattermost } from '../fakes/mattermost/fake-mattermost.js';
import { FakeSlack, postSigned } from '../fakes/slack/fake-slack.js';
import { messageEvent, slashCommandBody } from '../fakes/slack/slack-payloads.js';
import { COMMAND_TOKEN, eventually, freePort, mattermostEnv, slash } from '../adapters/mattermost/helpers.js';

/** Every log line at every level, as text, so the test can grep it like an operator would. */
function captureLogs() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
  return {
    log: createLogger('trace', stream),
    text: () => text,
    /** Lines above debug (pino levels: 20 debug, 30 info). */
    aboveDebug: () => text.split('\n').filter((l) => l && (JSON.parse(l) as { level: number }).level > 20).join('\n'),
  };
}

/** A distinctive piece of the promotion text: message bodies may appear at debug, never above. */
const BODY_FRAGMENT = PROMO.slice(10, 40);

const SLACK_TOKEN = 'xoxb-1234567890-secret-bot-token';
const SIGNING = 'signing-secret-0123456789abcdef';

describe('secrets never reach the logs, even at trace level', () => {
  it('Slack over HTTP: bot token and signing secret', async () => {
    const fake = new FakeSlack();
    await fake.start();
    const logs = captureLogs();
    const bot = await startBot({
      env: { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SIGNING, PORT: '0', SLACK_API_URL: fake.apiUrl, STORE_URL: 'memory://' },
      log: logs.log,
    });
    try {
      const events = `${bot.url}/slack/events`;
      await postSigned(events, JSON.stringify(messageEvent({ text: PROMO, eventId: 'EvSECRET' })), SIGNING);
      await postSigned(events, JSON.stringify(messageEvent({ text: 'forged', eventId: 'EvFORGED' })), 'wrong-secret');
      await postSigned(events, slashCommandBody({ text: 'mode observation', responseUrl: fake.respondUrl('r1') }), SIGNING, {
        contentType: 'application/x-www-form-urlencoded',
      });
      await eventually(() => fake.dmsTo('U0ALICE').length === 1);
      expect(logs.text().length).toBeGreaterThan(0);
      expect(logs.text()).not.toContain(SLACK_TOKEN);
      expect(logs.text()).not.toContain(SIGNING);
      expect(logs.aboveDebug()).not.toContain(BODY_FRAGMENT);
    } finally {
      await bot.stop();
      await fake.stop();
    }
  });

  it('Mattermost: bot token and slash command token', async () => {
    const fake = await new FakeMattermost().start();
    const port = await freePort();
    const logs = captureLogs();
    const bot = await startBot({
      env: mattermostEnv(fake, port),
      log: logs.log,
    });
    try {
      fake.post('alice', 'general', PROMO);
      await eventually(() => fake.dmsTo('alice').length === 1);
      const base = { channel_id: fake.state.channel('general').id, command: '/charte', user_id: fake.state.user('bob').id, user_name: 'bob' };
      expect((await slash(`http://127.0.0.1:${port}`, { ...base, text: 'aide', token: 'not-the-token' })).status).toBe(401);
      await slash(`http://127.0.0.1:${port}`, { ...base, text: 'mode observation', token: COMMAND_TOKEN });
      expect(logs.text()).not.toContain(fake.botToken);
      expect(logs.text()).not.toContain(COMMAND_TOKEN);
      expect(logs.aboveDebug()).not.toContain(BODY_FRAGMENT);
    } finally {
      await bot.stop();
      await fake.stop();
    }
  });
});
