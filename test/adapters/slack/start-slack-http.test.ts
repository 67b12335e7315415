import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, interactiveBody, postSigned } from '../../fakes/slack/fake-slack.js';
import {
  blockActionsPayload,
  editEvent,
  fixture,
  messageEvent,
  messageShortcutPayload,
  slashCommandBody,
  viewSubmissionPayload,
} from '../../fakes/slack/slack-payloads.js';
import { eventually, RecordingCore, settle, SIGNING_SECRET, startWithFake, type Running } from './slack-harness.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(core = new RecordingCore()) {
  running = await startWithFake({ buildCore: (platform) => ((core.platform = platform), core) });
  return { core, run: running, events: `${running.url}/slack/events` };
}

const FORM = 'application/x-www-form-urlencoded';

describe('startSlack over HTTP', () => {
  it('starts the core once, answers url_verification and serves /healthz with a Slack check', async () => {
    const { core, run, events } = await start();
    expect(core.started).toBe(1);
    const challenge = await postSigned(events, JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }), SIGNING_SECRET);
    expect(await challenge.json()).toEqual({ challenge: 'c-123' });
    const health = await fetch(`${run.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, checks: { store: { ok: true }, slack: { ok: true } } });
  });

  it('refuses to start with a token Slack rejects, naming SLACK_BOT_TOKEN and where to find it', async () => {
    const fake = new FakeSlack();
    await fake.start();
    fake.failNext('auth.test', { status: 200, error: 'invalid_auth' });
    try {
      await expect(startWithFake({ fake, buildCore: () => new RecordingCore() })).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth.*OAuth & Permissions/s);
    } finally {
      await fake.stop();
    }
  });

  it('answers 503 on /healthz when Slack refuses the token', async () => {
    const { run } = await start();
    run.fake.failNext('auth.test', { status: 200, error: 'invalid_auth' });
    const health = await fetch(`${run.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, checks: { slack: { ok: false } } });
  });

  it('refuses a forged signature (401) and a replayed old timestamp, and passes nothing to the core', async () => {
    const { core, events } = await start();
    const body = JSON.stringify(messageEvent({ text: 'Achetez mon livre' }));
    expect((await postSigned(events, body, SIGNING_SECRET, { forge: true })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned(events, body, SIGNING_SECRET, { timestamp: sixMinutesAgo })).status).toBe(401);
    await settle(200);
    expect(core.messages).toHaveLength(0);
  });

  it('hands a channel message to the core with channel name, author, permalink and the envelope event_id', async () => {
    const { core, events } = await start();
    const body = messageEvent({ text: 'Mon atelier poterie : -30% ce week-end', eventId: 'Ev0PROMO01' });
    const res = await postSigned(events, JSON.stringify(body), SIGNING_SECRET);
    expect(res.status).toBe(200);
    await eventually(() => core.messages.length === 1);
    expect(core.messages[0]).toMatchObject({
      platform: 'slack',
      eventId: 'Ev0PROMO01',
      channel: { id: 'C0GENERAL', name: 'general', kind: 'public' },
      author: { id: 'U0ALICE', name: 'Alice Martin', isBot: false },
      isEdit: false,
      permalink: expect.stringMatching(/^https:\/\/cae-exemple\.slack\.com\/archives\/C0GENERAL\/p\d{16}$/),
    });
  });

  it('passes a retried delivery with the same event_id (the core dedupes on it)', async () => {
    const { core, events } = await start();
    const body = JSON.stringify(messageEvent({ text: 'Promo', eventId: 'Ev0RETRY01' }));
    await postSigned(events, body, SIGNING_SECRET);
    await postSigned(events, body, SIGNING_SECRET, { retryNum: 1 });
    await eventually(() => core.messages.length >= 1);
    await settle();
    expect(new Set(core.messages.map((m) => m.eventId))).toEqual(new Set(['Ev0RETRY01']));
  });

  it('gives a thread reply its parent text from conversations.replies', async () => {
    const { core, run, events } = await start();
    run.fake.seedMessage('C0ENTRAIDE', { ts: '1700000000.000001', text: 'Qui connaît un bon graphiste ?', user: 'U0BRUNO', thread_ts: '1700000000.000001' });
    await postSigned(events, JSON.stringify(messageEvent({ text: "Moi ! J'en suis une", channel: 'C0ENTRAIDE', threadTs: '1700000000.000001' })), SIGNING_SECRET);
    await eventually(() => core.messages.length === 1);
    expect(core.messages[0].thread).toEqual({ id: '1700000000.000001', text: 'Qui connaît un bon graphiste ?', authorId: 'U0BRUNO' });
  });

  it('passes edits as isEdit and deletions to handleMessageDeleted; ignores DMs, bots and joins', async () => {
    const { core, events } = await start();
    await postSigned(events, JSON.stringify(editEvent({ ts: '1700000150.000200', previousText: 'Bonjour', text: 'Bonjour, -50% chez moi' })), SIGNING_SECRET);
    await postSigned(events, JSON.stringify(fixture('events/message-deleted.json')), SIGNING_SECRET);
    for (const path of ['events/im.json', 'events/bot-message.json', 'events/channel-join.json']) {
      await postSigned(events, JSON.stringify(fixture(path)), SIGNING_SECRET);
    }
    await eventually(() => core.messages.length === 1 && core.deleted.length === 1);
    await settle();
    expect(core.messages).toHaveLength(1);
    expect(core.messages[0]).toMatchObject({ isEdit: true, id: '1700000150.000200', text: 'Bonjour, -50% chez moi' });
    expect(core.deleted[0]).toEqual({ platform: 'slack', channelId: 'C0GENERAL', messageId: '1700000100.000100' });
  });

  it('acks /charte at once and answers through response_url', async () => {
    const { core, run, events } = await start();
    const res = await postSigned(events, slashCommandBody({ text: '  aide ', responseUrl: run.fake.respondUrl('cmd-1') }), SIGNING_SECRET, { contentType: FORM });
    expect(res.status).toBe(200);
    await eventually(() => run.fake.responses.length === 1);
    expect(core.commands[0]).toMatchObject({ text: 'aide', user: { id: 'U0ALICE' }, channel: { id: 'C0GENERAL', name: 'general' } });
    expect(run.fake.responses[0].body).toMatchObject({ response_type: 'ephemeral', text: 'Voici l’aide de /charte' });
  });

  it('sends a button click to the core, updates the message and replies to the clicker only', async () => {
    const { core, run, events } = await start();
    const dm = await core.platform!.sendDirectMessage('U0ALICE', { text: 'Petit conseil', buttons: [{ action: 'not_promo', label: 'Pas de la pub', value: 'inc-7' }] });
    const payload = blockActionsPayload({ actionId: 'not_promo', value: 'inc-7', channel: dm.channelId, messageTs: dm.messageId, responseUrl: run.fake.respondUrl('act-1') });
    const res = await postSigned(events, interactiveBody(payload), SIGNING_SECRET, { contentType: FORM });
    expect(res.status).toBe(200);
    await eventually(() => run.fake.responses.length === 1 && run.fake.callsTo('chat.update').length === 1);
    expect(core.actions[0]).toMatchObject({ action: 'not_promo', value: 'inc-7', user: { id: 'U0ALICE' }, source: dm });
    expect(run.fake.callsTo('chat.update')[0].args).toMatchObject({ channel: dm.channelId, ts: dm.messageId, text: 'C’est noté, merci !' });
    expect(run.fake.responses[0].body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Merci pour le retour' });
  });

  it('opens the report modal from the message shortcut and hands the submission to handleReport', async () => {
    const { core, run, events } = await start();
    const shortcut = messageShortcutPayload({ messageTs: '1700000100.000100', text: 'Venez à mon stage, promo !' });
    expect((await postSigned(events, interactiveBody(shortcut), SIGNING_SECRET, { contentType: FORM })).status).toBe(200);
    await eventually(() => run.fake.callsTo('views.open').length === 1);
    const view = run.fake.callsTo('views.open')[0].args.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.callback_id).toBe('report_message_modal');
    expect(view.title.text).toBe('Signaler au comité');

    const empty = await postSigned(events, interactiveBody(viewSubmissionPayload({ privateMetadata: view.private_metadata, reason: ' ' })), SIGNING_SECRET, { contentType: FORM });
    expect(await empty.json()).toMatchObject({ response_action: 'errors', errors: { reason: expect.any(String) } });

    await postSigned(events, interactiveBody(viewSubmissionPayload({ privateMetadata: view.private_metadata, reason: 'Pub en plein #general' })), SIGNING_SECRET, { contentType: FORM });
    await eventually(() => run.fake.callsTo('chat.postEphemeral').length === 1);
    expect(core.reports).toHaveLength(1);
    expect(core.reports[0]).toMatchObject({
      reporter: { id: 'U0CHLOE' },
      reason: 'Pub en plein #general',
      message: { channelId: 'C0GENERAL', messageId: '1700000100.000100', authorId: 'U0ALICE', text: 'Venez à mon stage, promo !' },
    });
    expect(run.fake.callsTo('chat.postEphemeral')[0].args).toMatchObject({ channel: 'C0GENERAL', user: 'U0CHLOE', text: 'Signalement transmis au comité' });
  });

  it('re-runs an event whose handling failed after the ack (Slack will not redeliver it)', async () => {
    const core = new RecordingCore();
    let failures = 1;
    core.onMessage = async () => {
      if (failures-- > 0) throw new Error('store down');
    };
    running = await startWithFake({ buildCore: () => core, start: { redeliveryDelaysMs: [50, 50] } });
    await postSigned(`${running.url}/slack/events`, JSON.stringify(messageEvent({ text: 'Promo', eventId: 'Ev0FLAKY' })), SIGNING_SECRET);
    await eventually(() => core.messages.length === 2);
    expect(core.messages.map((m) => m.eventId)).toEqual(['Ev0FLAKY', 'Ev0FLAKY']);
    await settle(200);
    expect(core.messages).toHaveLength(2);
  });

  it('survives malformed bodies without crashing', async () => {
    const { core, run, events } = await start();
    for (const body of ['not json', '{}', JSON.stringify({ type: 'event_callback', event_id: 'Ev0BAD', event: { type: 'message', channel: 7 } })]) {
      const res = await postSigned(events, body, SIGNING_SECRET);
      expect(res.status).toBeLessThan(500);
    }
    expect((await fetch(`${run.url}/healthz`)).status).toBe(200);
    expect(core.messages).toHaveLength(0);
  });
});
