import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMessageEvent, toIncomingMessage, type MessageLookups } from '../../../src/adapters/slack/slack-events.js';
import { fixture } from '../../fakes/slack/slack-payloads.js';

const BOT = 'U0CHARTE';

const lookups: MessageLookups = {
  getChannel: async (id) => ({ id, name: id === 'C0ENTRAIDE' ? 'entraide' : 'general', kind: 'public' }),
  getUser: async (id) => ({ id, name: id.toLowerCase(), isBot: false }),
  threadParent: async (_c, ts) => ({ id: ts, text: 'Qui connaît un bon graphiste ?', authorId: 'U0BRUNO' }),
  localPermalink: (c, ts) => `https://cae-exemple.slack.com/archives/${c}/p${ts.replace('.', '')}`,
};

describe('readMessageEvent', () => {
  it('reads a plain channel message with its envelope event_id', () => {
    const read = readMessageEvent(fixture('events/message.json'), BOT);
    expect(read).toMatchObject({ kind: 'message', eventId: 'Ev0MSG0001', channelId: 'C0GENERAL', userId: 'U0ALICE', ts: '1700000100.000100', isEdit: false });
  });

  it('reads an edit as isEdit on the original ts, keyed by the edit event_id', () => {
    const read = readMessageEvent(fixture('events/message-changed.json'), BOT);
    expect(read).toMatchObject({ kind: 'message', eventId: 'Ev0EDIT0001', ts: '1700000150.000200', isEdit: true, at: 1700000200000 });
  });

  it('ignores an edit that leaves the text unchanged (unfurls, reply counters)', () => {
    const body = fixture('events/message-changed.json');
    body.event.previous_message.text = body.event.message.text;
    expect(readMessageEvent(body, BOT)).toMatchObject({ kind: 'skip' });
  });

  it('turns message_deleted into a deletion of deleted_ts', () => {
    expect(readMessageEvent(fixture('events/message-deleted.json'), BOT)).toEqual({
      kind: 'deleted',
      event: { platform: 'slack', channelId: 'C0GENERAL', messageId: '1700000100.000100' },
    });
  });

  it('keeps the thread root carried by a thread_broadcast', () => {
    const read = readMessageEvent(fixture('events/thread-broadcast.json'), BOT);
    expect(read).toMatchObject({ kind: 'message', threadTs: '1700000350.000500', root: { text: expect.stringContaining('refaire le site') } });
  });

  it('reads the text of a file share', () => {
    expect(readMessageEvent(fixture('events/file-share.json'), BOT)).toMatchObject({ kind: 'message', text: 'Ma nouvelle plaquette, promo de lancement !' });
  });

  it.each([
    ['events/bot-message.json', 'bot'],
    ['events/channel-join.json', 'join'],
    ['events/im.json', 'DM'],
  ])('skips %s (%s)', (path) => {
    expect(readMessageEvent(fixture(path), BOT).kind).toBe('skip');
  });

  it("skips the bot's own posts, group DMs, topics and empty text", () => {
    const own = fixture('events/message.json');
    own.event.user = BOT;
    const mpim = fixture('events/message.json');
    mpim.event.channel_type = 'mpim';
    const topic = fixture('events/message.json');
    topic.event.subtype = 'channel_topic';
    const empty = fixture('events/message.json');
    empty.event.text = '   ';
    for (const body of [own, mpim, topic, empty]) expect(readMessageEvent(body, BOT).kind).toBe('skip');
  });

  it('never throws on garbage', () => {
    for (const junk of [null, 42, 'x', {}, { event: null }, { event: { type: 'message' } }, { event: { type: 'message', channel: 'C1', message: 7, subtype: 'message_changed' } }]) {
      expect(() => readMessageEvent(junk, BOT)).not.toThrow();
    }
  });
});

describe('toIncomingMessage', () => {
  it('completes a thread reply with its parent from the look-up', async () => {
    const body = fixture('events/message.json');
    body.event.thread_ts = '1700000000.000001';
    const read = readMessageEvent(body, BOT);
    if (read.kind !== 'message') throw new Error('expected a message');
    const done = await toIncomingMessage(read, lookups);
    expect(done).toMatchObject({
      message: { platform: 'slack', eventId: 'Ev0MSG0001', channel: { name: 'general' }, thread: { id: '1700000000.000001', text: 'Qui connaît un bon graphiste ?' } },
    });
  });

  it('skips authors Slack marks as bots', async () => {
    const read = readMessageEvent(fixture('events/message.json'), BOT);
    if (read.kind !== 'message') throw new Error('expected a message');
    expect(await toIncomingMessage(read, { ...lookups, getUser: async (id) => ({ id, name: 'x', isBot: true }) })).toEqual({ skip: 'bot author' });
  });
});

const SHARED = fileURLToPath(new URL('../../../../shared/fixtures/slack/', import.meta.url));
const sharedEvents = existsSync(SHARED)
  ? ['events/bolt-python', 'socket-mode/python-slack-sdk', 'socket-mode/java-slack-sdk', 'events/java-slack-sdk'].flatMap((dir) =>
      existsSync(`${SHARED}${dir}`) ? readdirSync(`${SHARED}${dir}`).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`) : [],
    )
  : [];

describe.skipIf(sharedEvents.length === 0)('replay of the shared realistic samples (../shared/fixtures/slack)', () => {
  it('parses every sample without crashing, and reads the real message shapes as Slack means them', async () => {
    const outcomes: Record<string, string> = {};
    for (const path of sharedEvents) {
      const raw = JSON.parse(readFileSync(`${SHARED}${path}`, 'utf8')) as Record<string, unknown>;
      // Socket Mode envelopes carry the Events API body in `payload`.
      const body = raw.envelope_id !== undefined ? raw.payload : raw;
      const read = readMessageEvent(body, 'U-not-the-author');
      if (read.kind === 'message') await expect(toIncomingMessage(read, lookups)).resolves.toBeDefined();
      outcomes[path.split('/').pop() ?? path] = read.kind;
    }
    expect(outcomes['test_message__message_body.json']).toBe('message');
    expect(outcomes['test_message_changed__event_payload.json']).toBe('message');
    expect(outcomes['test_message_deleted__event_payload.json']).toBe('deleted');
    expect(outcomes['test_message_thread_broadcast__event_payload.json']).toBe('message');
    expect(outcomes['test_message_file_share__event_payload.json']).toBe('message');
    expect(outcomes['test_message_bot__bot_message_event_payload.json']).toBe('skip');
    expect(outcomes['test_message_bot__classic_bot_message_event_payload.json']).toBe('skip');
    expect(outcomes['test_events__join_event_body__L167.json']).toBe('skip');
    expect(outcomes['socket_mode_envelopes_3_events_api_message.json']).toBe('message');
  });
});
