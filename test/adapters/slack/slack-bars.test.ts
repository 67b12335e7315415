import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModerationBot } from '../../../src/core/moderation/create-moderation-bot.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { createStore, type CreatedStore } from '../../../src/store/create-store.js';
import { startBot } from '../../../src/app/start-bot.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { CLEAN, INSULT, PROMO } from '../../core/harness.js';
import { postSigned } from '../../fakes/slack/fake-slack.js';
import { editEvent, messageEvent, slashCommandBody } from '../../fakes/slack/slack-payloads.js';
import { eventually, settle, SIGNING_SECRET, startWithFake, type Running } from './slack-harness.js';

const FORM = 'application/x-www-form-urlencoded';
const STORE_URL = 'memory://';
const GRAPHIC_ASK = "Quelqu'un connaît un bon graphiste pour refaire mon logo ? Vos tarifs m'intéressent, envoyez-moi vos offres !";
const GRAPHIC_OFFER = 'Moi ! Je fais des logos à partir de 290 €, écris-moi en MP : https://graphiste.example';
/** What Slack turns into a notification for a whole channel or workspace. */
const LIVE_BROADCAST = /<!(channel|here|everyone)[|>]/;

/** Issue 4's bars: the real core and store behind the real Bolt App and WebClient, a fake Slack on 127.0.0.1. */
describe('Slack bars (real core, HTTP mode, contract env only)', () => {
  let run: Running;
  let stored: CreatedStore;
  let events: string;

  beforeEach(async () => {
    // The store is created before the adapter asks for the core, as the composition root does.
    stored = await createStore(STORE_URL, silentLogger, { namespace: `slack-bars-${Math.random().toString(36).slice(2)}` });
    run = await startWithFake({
      // Exactly the variables of the bar: token, signing secret, port, API URL (added by the harness), store.
      onlyEnv: true,
      env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', STORE_URL },
      buildCore: (platform, config) =>
        createModerationBot({ platform, store: stored.store, clock: systemClock, log: silentLogger, config: config.core }),
      start: { redeliveryDelaysMs: [50] },
    });
    expect(run.config.storeUrl).toBe(STORE_URL);
    events = `${run.url}/slack/events`;
  });
  afterEach(async () => {
    await run.stop();
    await stored.close();
  });

  const dms = (user = 'U0ALICE') => run.fake.channels.get(`D${user}`)?.messages ?? [];
  const committee = () => run.fake.channels.get('G0COMITE')?.messages ?? [];
  const post = (body: unknown, retryNum?: number) => postSigned(events, JSON.stringify(body), SIGNING_SECRET, { retryNum });
  const command = async (text: string, user = 'U0ALICE', userName = 'alice') => {
    const id = `cmd-${Math.random().toString(36).slice(2)}`;
    const res = await postSigned(events, slashCommandBody({ text, user, userName, responseUrl: run.fake.respondUrl(id) }), SIGNING_SECRET, { contentType: FORM });
    expect(res.status).toBe(200);
    await eventually(() => run.fake.responses.some((r) => r.path.endsWith(id)));
    return run.fake.responses.find((r) => r.path.endsWith(id))?.body as { text: string; response_type: string };
  };

  it('serves /slack/events on PORT: a promotion in #general gives one DM naming #annonces and one committee line', async () => {
    expect(run.config.platform).toMatchObject({ kind: 'slack', mode: 'http' });
    expect((await post(messageEvent({ text: PROMO }))).status).toBe(200);
    await eventually(() => dms().length === 1 && committee().length === 1);
    await settle();
    expect(dms()).toHaveLength(1);
    expect(dms()[0].text).toContain('<#C0ANNONCES>');
    const actionIds = (dms()[0].blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(actionIds).toEqual(['repost_annonces', 'not_promo']);
    expect(committee()).toHaveLength(1);
  });

  it('the same event retried (X-Slack-Retry-Num, same event_id) gives nothing more', async () => {
    const body = messageEvent({ text: PROMO, eventId: 'Ev0BAR0RETRY' });
    await post(body);
    await eventually(() => dms().length === 1 && committee().length === 1);
    expect((await post(body, 1)).status).toBe(200);
    expect((await post(body, 2)).status).toBe(200);
    await settle(500);
    expect(dms()).toHaveLength(1);
    expect(committee()).toHaveLength(1);
  });

  it('a forged signature gets 401 and nothing happens', async () => {
    const res = await postSigned(events, JSON.stringify(messageEvent({ text: PROMO })), SIGNING_SECRET, { forge: true });
    expect(res.status).toBe(401);
    await settle(300);
    expect(dms()).toHaveLength(0);
    expect(committee()).toHaveLength(0);
  });

  it('an edit into promotion is caught', async () => {
    const original = messageEvent({ text: CLEAN });
    await post(original);
    await settle(300);
    expect(dms()).toHaveLength(0);
    await post(editEvent({ ts: original.event.ts, previousText: CLEAN, text: PROMO }));
    await eventually(() => dms().length === 1);
  });

  it('a solicited reply in a thread is left alone', async () => {
    run.fake.seedMessage('C0ENTRAIDE', { ts: '1700000000.000001', text: GRAPHIC_ASK, user: 'U0BRUNO', thread_ts: '1700000000.000001' });
    await post(messageEvent({ text: GRAPHIC_OFFER, channel: 'C0ENTRAIDE', threadTs: '1700000000.000001' }));
    // A marker message after it: once it is decided, the reply was decided too.
    await post(messageEvent({ text: PROMO, user: 'U0CHLOE' }));
    await eventually(() => dms('U0CHLOE').length === 1);
    await settle();
    expect(dms()).toHaveLength(0);
  });

  it('an insult reaches the committee only', async () => {
    await post(messageEvent({ text: INSULT }));
    await eventually(() => committee().length === 1);
    await settle();
    expect(dms()).toHaveLength(0);
  });

  it('/charte aide answers', async () => {
    const answer = await command('aide');
    expect(answer.text).toMatch(/\/charte/);
    expect(answer.response_type).toBe('ephemeral');
  });

  it('a non-member of the committee cannot switch the mode', async () => {
    const answer = await command('mode observation');
    expect(answer.text).toMatch(/comité/);
    // Still actif: the next promotion is reminded.
    await post(messageEvent({ text: PROMO }));
    await eventually(() => dms().length === 1);
  });

  it('a committee member can switch the mode', async () => {
    const answer = await command('mode observation', 'U0BRUNO', 'bruno');
    expect(answer.text).toMatch(/observation/i);
  });

  it('nothing the bot posts carries a live <!channel>, <!here> or <!everyone>', async () => {
    await post(messageEvent({ text: `<!channel> <!here> <!everyone|everyone> @channel ${PROMO}` }));
    await post(messageEvent({ text: `<!here> ${INSULT}`, user: 'U0CHLOE' }));
    await eventually(() => dms().length === 1 && committee().length === 2);
    await settle();
    expect(run.fake.everythingPosted()).not.toMatch(LIVE_BROADCAST);
  });

  it('a 429 then success delivers exactly one DM', async () => {
    run.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await post(messageEvent({ text: PROMO }));
    await eventually(() => dms().length === 1 && committee().length === 1, 8000);
    await settle(500);
    expect(dms()).toHaveLength(1);
    expect(committee()).toHaveLength(1);
    expect(run.fake.callsTo('chat.postMessage').length).toBe(3);
  });
});

describe('Slack bars (real core, Socket Mode)', () => {
  it('delivers an event over the socket, acks it, and a redelivery gives nothing more', async () => {
    const stored = await createStore(STORE_URL, silentLogger, { namespace: `slack-socket-${Math.random().toString(36).slice(2)}` });
    const run = await startWithFake({
      onlyEnv: true,
      env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-1-test', PORT: '0', HOST: '127.0.0.1', STORE_URL },
      buildCore: (platform, config) => createModerationBot({ platform, store: stored.store, clock: systemClock, log: silentLogger, config: config.core }),
    });
    try {
      await eventually(() => run.fake.socketConnected);
      const payload = messageEvent({ text: PROMO, eventId: 'Ev0BAR0SOCKET' });
      expect((await run.fake.sendEnvelope(payload, { envelopeId: 'env-a' })).envelope_id).toBe('env-a');
      const dms = () => run.fake.channels.get('DU0ALICE')?.messages ?? [];
      await eventually(() => dms().length === 1);
      expect((await run.fake.sendEnvelope(payload, { envelopeId: 'env-b', retryAttempt: 1 })).envelope_id).toBe('env-b');
      await settle(500);
      expect(dms()).toHaveLength(1);
      expect(run.fake.channels.get('G0COMITE')?.messages).toHaveLength(1);
    } finally {
      await run.stop();
      await stored.close();
    }
  });
});

describe('Slack bars through the composition root (what `charte-bot start` runs)', () => {
  it('with only the five contract variables, serves /slack/events and reminds a promotion once', async () => {
    const fake = new FakeSlack();
    await fake.start();
    const bot = await startBot({
      env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl, STORE_URL },
      log: silentLogger,
    });
    try {
      expect(bot.config.platform).toMatchObject({ kind: 'slack', mode: 'http' });
      const events = `${bot.url}/slack/events`;
      const body = JSON.stringify(messageEvent({ text: PROMO, eventId: 'Ev0ROOT' }));
      expect((await postSigned(events, body, SIGNING_SECRET)).status).toBe(200);
      const dms = () => fake.channels.get('DU0ALICE')?.messages ?? [];
      await eventually(() => dms().length === 1 && (fake.channels.get('G0COMITE')?.messages.length ?? 0) === 1);
      expect((await postSigned(events, body, SIGNING_SECRET, { retryNum: 1 })).status).toBe(200);
      await settle(400);
      expect(dms()).toHaveLength(1);
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, checks: { store: { ok: true }, slack: { ok: true } } });
    } finally {
      await bot.stop();
      await fake.stop();
    }
  });
});
