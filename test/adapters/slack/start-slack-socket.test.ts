import { afterEach, describe, expect, it } from 'vitest';
import { messageEvent, slashCommandBody } from '../../fakes/slack/slack-payloads.js';
import { eventually, RecordingCore, settle, startWithFake, type Running } from './slack-harness.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('startSlack in Socket Mode', () => {
  it('connects through apps.connections.open with the app token, acks an event and hands it to the core', async () => {
    const core = new RecordingCore();
    running = await startWithFake({ env: { SLACK_APP_TOKEN: 'xapp-1-test' }, buildCore: () => core });
    const { fake } = running;
    await eventually(() => fake.socketConnected);
    expect(fake.callsTo('apps.connections.open')[0].auth).toBe('Bearer xapp-1-test');

    const payload = messageEvent({ text: 'Nouveau : mes ateliers à prix doux', eventId: 'Ev0SOCKET1' });
    const ack = await fake.sendEnvelope(payload, { envelopeId: 'env-1' });
    expect(ack.envelope_id).toBe('env-1');
    await eventually(() => core.messages.length === 1);
    expect(core.messages[0]).toMatchObject({ eventId: 'Ev0SOCKET1', channel: { name: 'general' }, author: { id: 'U0ALICE' } });

    // A redelivery (new envelope, same event_id) is acked too and carries the same eventId for the core's dedupe.
    const again = await fake.sendEnvelope(payload, { envelopeId: 'env-2', retryAttempt: 1 });
    expect(again.envelope_id).toBe('env-2');
    await settle();
    expect(new Set(core.messages.map((m) => m.eventId))).toEqual(new Set(['Ev0SOCKET1']));
  });

  it('answers /charte over the socket and serves /healthz on PORT', async () => {
    const core = new RecordingCore();
    running = await startWithFake({ env: { SLACK_APP_TOKEN: 'xapp-1-test' }, buildCore: () => core });
    const { fake } = running;
    await eventually(() => fake.socketConnected);
    const command = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'aide', responseUrl: fake.respondUrl('sock-cmd') })));
    const ack = await fake.sendEnvelope(command, { type: 'slash_commands', envelopeId: 'env-cmd' });
    expect(ack.envelope_id).toBe('env-cmd');
    await eventually(() => fake.responses.length === 1);
    expect(core.commands[0].text).toBe('aide');

    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, checks: { slack: { ok: true } } });
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
  });
});
