import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Builders over the project's own fixtures (`test/fixtures/slack`): clone a template, change what a test needs. */

const FIXTURES = fileURLToPath(new URL('../../fixtures/slack/', import.meta.url));

type Json = Record<string, any>;

export function fixture(relativePath: string): Json {
  return JSON.parse(readFileSync(`${FIXTURES}${relativePath}`, 'utf8')) as Json;
}

export function fixtureText(relativePath: string): string {
  return readFileSync(`${FIXTURES}${relativePath}`, 'utf8').trim();
}

let counter = 0;
function uniqueTs(): string {
  counter += 1;
  return `1700100${String(counter).padStart(3, '0')}.${String(counter).padStart(6, '0')}`;
}

/** A plain channel message envelope, with a fresh `event_id` and `ts` unless given. */
export function messageEvent(options: { text: string; channel?: string; user?: string; ts?: string; eventId?: string; threadTs?: string; channelType?: string }): Json {
  const body = fixture('events/message.json');
  const ts = options.ts ?? uniqueTs();
  Object.assign(body.event, {
    text: options.text,
    channel: options.channel ?? 'C0GENERAL',
    user: options.user ?? 'U0ALICE',
    ts,
    event_ts: ts,
    channel_type: options.channelType ?? 'channel',
    blocks: undefined,
  });
  if (options.threadTs) body.event.thread_ts = options.threadTs;
  body.event_id = options.eventId ?? `Ev${ts.replace('.', '')}`;
  return body;
}

/** A `message_changed` envelope turning `previousText` into `text`. */
export function editEvent(options: { ts: string; previousText: string; text: string; channel?: string; user?: string; eventId?: string }): Json {
  const body = fixture('events/message-changed.json');
  const editTs = uniqueTs();
  body.event.channel = options.channel ?? 'C0GENERAL';
  body.event.ts = editTs;
  body.event.event_ts = editTs;
  Object.assign(body.event.message, { text: options.text, ts: options.ts, user: options.user ?? 'U0ALICE', edited: { user: options.user ?? 'U0ALICE', ts: editTs }, blocks: undefined });
  Object.assign(body.event.previous_message, { text: options.previousText, ts: options.ts, user: options.user ?? 'U0ALICE' });
  body.event_id = options.eventId ?? `Ev${editTs.replace('.', '')}`;
  return body;
}

export function slashCommandBody(options: { text: string; user?: string; userName?: string; channel?: string; channelName?: string; responseUrl: string }): string {
  const params = new URLSearchParams(fixtureText('interactivity/slash-command.form.txt'));
  params.set('text', options.text);
  params.set('user_id', options.user ?? 'U0ALICE');
  params.set('user_name', options.userName ?? 'alice');
  params.set('channel_id', options.channel ?? 'C0GENERAL');
  params.set('channel_name', options.channelName ?? 'general');
  params.set('response_url', options.responseUrl);
  return params.toString();
}

export function blockActionsPayload(options: { actionId: string; value: string; user?: string; channel: string; messageTs: string; responseUrl: string; ephemeral?: boolean }): Json {
  const body = fixture('interactivity/block-actions.json');
  body.user.id = options.user ?? 'U0ALICE';
  body.container = { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: options.ephemeral ?? false };
  body.channel.id = options.channel;
  body.message.ts = options.messageTs;
  body.response_url = options.responseUrl;
  body.actions[0].action_id = options.actionId;
  body.actions[0].value = options.value;
  return body;
}

export function messageShortcutPayload(options: { user?: string; channel?: string; messageTs: string; text: string; author?: string }): Json {
  const body = fixture('interactivity/message-shortcut.json');
  body.user.id = options.user ?? 'U0CHLOE';
  body.channel.id = options.channel ?? 'C0GENERAL';
  body.message_ts = options.messageTs;
  Object.assign(body.message, { ts: options.messageTs, text: options.text, user: options.author ?? 'U0ALICE' });
  return body;
}

export function viewSubmissionPayload(options: { privateMetadata: string; reason: string; user?: string }): Json {
  const body = fixture('interactivity/view-submission.json');
  body.user.id = options.user ?? 'U0CHLOE';
  body.view.private_metadata = options.privateMetadata;
  body.view.state.values.reason.reason.value = options.reason;
  return body;
}
