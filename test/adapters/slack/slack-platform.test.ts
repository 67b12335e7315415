import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../../src/adapters/slack/slack-platform.js';
import { createSlackWebClient, SLACK_RETRY_CONFIG, type RetryConfig } from '../../../src/adapters/slack/slack-web-client.js';
import { PlatformError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { BOT, FakeSlack, TEAM } from '../../fakes/slack/fake-slack.js';
import { FAST_RETRIES } from './slack-harness.js';

let fake: FakeSlack;
const clock = { now: () => Date.now() };
const identity = { botUserId: BOT.userId, botId: BOT.botId, teamId: TEAM.id, teamUrl: TEAM.url };

function platform(retryConfig: RetryConfig = FAST_RETRIES): SlackPlatform {
  return new SlackPlatform(createSlackWebClient('xoxb-test', fake.apiUrl, silentLogger, retryConfig), identity, clock, silentLogger);
}

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.failures.clear();
});

describe('SlackPlatform against a fake Slack', () => {
  it('sends a DM as Block Kit with buttons and a text fallback, opening the conversation once', async () => {
    const p = platform();
    const message = { text: 'Psst, *petit conseil*', buttons: [{ action: 'repost_annonces' as const, label: 'Publier dans #annonces', value: 'inc-1', style: 'primary' as const }] };
    const ref = await p.sendDirectMessage('U0ALICE', message);
    await p.sendDirectMessage('U0ALICE', { text: 'Encore moi' });
    expect(ref.channelId).toBe('DU0ALICE');
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    const post = fake.callsTo('chat.postMessage')[0];
    expect(post.auth).toBe('Bearer xoxb-test');
    expect(post.args).toMatchObject({ channel: 'DU0ALICE', text: 'Psst, *petit conseil*', link_names: 'false' });
    expect(post.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Psst, *petit conseil*' } },
      {
        type: 'actions',
        block_id: 'charte_actions',
        elements: [{ type: 'button', action_id: 'repost_annonces', value: 'inc-1', style: 'primary', text: { type: 'plain_text', text: 'Publier dans #annonces', emoji: true } }],
      },
    ]);
  });

  it('opens a DM once when it is prepared and sent at the same moment', async () => {
    const p = platform();
    const [, ref] = await Promise.all([p.openDirectMessage('U0BOB'), p.sendDirectMessage('U0BOB', { text: 'Psst' })]);
    expect(ref.channelId).toBe('DU0BOB');
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts in a thread and updates a message, dropping its buttons', async () => {
    const p = platform();
    const ref = await p.postToChannel('G0COMITE', { text: 'Ligne comité', buttons: [{ action: 'verdict_confirmed', label: 'Bien vu', value: 'inc-2' }] }, { threadId: '1700000000.000001' });
    expect(fake.callsTo('chat.postMessage')[0].args.thread_ts).toBe('1700000000.000001');
    await p.updateMessage(ref, { text: 'Ligne comité ✅' });
    const update = fake.callsTo('chat.update')[0].args;
    expect(update).toMatchObject({ channel: 'G0COMITE', ts: ref.messageId, text: 'Ligne comité ✅' });
    expect(update.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Ligne comité ✅' } }]);
  });

  it('finds public and private channels by name across pages, and caches the listing', async () => {
    const p = platform();
    expect(await p.findChannelByName('#comite-charte')).toEqual({ id: 'G0COMITE', name: 'comite-charte', kind: 'private' });
    expect(await p.findChannelByName('annonces')).toEqual({ id: 'C0ANNONCES', name: 'annonces', kind: 'public' });
    expect(fake.callsTo('conversations.list').length).toBeGreaterThanOrEqual(3);
    const listed = fake.callsTo('conversations.list').length;
    expect(await p.findChannelByName('nexiste-pas')).toBeUndefined();
    expect(fake.callsTo('conversations.list').length).toBe(listed);
    expect(fake.callsTo('conversations.list')[0].args.types).toBe('public_channel,private_channel');
  });

  it('answers membership from paginated conversations.members, and bot membership from conversations.info', async () => {
    const p = platform();
    expect(await p.isChannelMember('G0COMITE', 'U0BRUNO')).toBe(true);
    expect(await p.isChannelMember('G0COMITE', 'U0ALICE')).toBe(false);
    expect(fake.callsTo('conversations.members')).toHaveLength(1);
    expect(await p.isBotInChannel('G0COMITE')).toBe(true);
    expect(await p.isBotInChannel('C0INCONNU')).toBe(false);
  });

  it('resolves users and channels, undefined when unknown', async () => {
    const p = platform();
    expect(await p.getUser('U0ALICE')).toEqual({ id: 'U0ALICE', name: 'Alice Martin', isBot: false });
    expect(await p.getUser('U0PERSONNE')).toBeUndefined();
    expect(await p.getChannel('C0GENERAL')).toEqual({ id: 'C0GENERAL', name: 'general', kind: 'public' });
    expect(await p.getChannel('C0PERSONNE')).toBeUndefined();
  });

  it('knows its own user id and finds members by handle or display name (paginated users.list)', async () => {
    const p = platform();
    expect(p.botUserId).toBe(BOT.userId);
    expect(await p.findUserByName('@bruno')).toMatchObject({ id: 'U0BRUNO' });
    expect(await p.findUserByName('Chloé Accompagnement')).toMatchObject({ id: 'U0CHLOE' });
    expect(await p.findUserByName('personne')).toBeUndefined();
    expect(fake.callsTo('users.list').length).toBeGreaterThanOrEqual(2);
  });

  it('reads a message by permalink, top-level or in a thread; refuses other workspaces', async () => {
    const p = platform();
    fake.seedMessage('C0RANDOM', { ts: '1700000500.000100', text: 'Mon offre du jour', user: 'U0ALICE' });
    fake.seedMessage('C0RANDOM', { ts: '1700000600.000100', text: 'Parent', user: 'U0BRUNO', thread_ts: '1700000600.000100' });
    fake.seedMessage('C0RANDOM', { ts: '1700000601.000200', text: 'Réponse en fil', user: 'U0ALICE', thread_ts: '1700000600.000100' });
    expect(await p.resolvePermalink(`${TEAM.url}archives/C0RANDOM/p1700000500000100`)).toEqual({
      channelId: 'C0RANDOM',
      messageId: '1700000500.000100',
      text: 'Mon offre du jour',
      authorId: 'U0ALICE',
    });
    expect(await p.resolvePermalink(`${TEAM.url}archives/C0RANDOM/p1700000601000200?thread_ts=1700000600.000100&cid=C0RANDOM`)).toMatchObject({ text: 'Réponse en fil' });
    expect(await p.resolvePermalink(`${TEAM.url}archives/C0RANDOM/p1700000601000200`)).toMatchObject({ text: 'Réponse en fil' });
    expect(await p.resolvePermalink('https://autre-coop.slack.com/archives/C0RANDOM/p1700000500000100')).toBeUndefined();
    expect(await p.resolvePermalink(`${TEAM.url}archives/C0RANDOM/p1700009999000100`)).toBeUndefined();
    expect(await p.resolvePermalink('pas un lien')).toBeUndefined();
  });
});

describe('Web API rate limits and server errors (production retry config)', () => {
  it('waits out a 429 with Retry-After, then delivers the DM exactly once', async () => {
    const p = platform(SLACK_RETRY_CONFIG);
    const dmsBefore = fake.channels.get('DU0CHLOE')?.messages.length ?? 0;
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await p.sendDirectMessage('U0CHLOE', { text: 'Petit conseil' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(fake.channels.get('DU0CHLOE')?.messages.length).toBe(dmsBefore + 1);
  });

  it('retries 500 and 503 answers, then posts once', async () => {
    const p = platform(SLACK_RETRY_CONFIG);
    const before = fake.channels.get('G0COMITE')?.messages.length ?? 0;
    fake.failNext('chat.postMessage', { status: 500 }, { status: 503 });
    await p.postToChannel('G0COMITE', { text: 'Ligne comité' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(fake.channels.get('G0COMITE')?.messages.length).toBe(before + 1);
  });

  it('gives up with a PlatformError after the retries, without posting', async () => {
    const p = platform({ retries: 2, minTimeout: 1, maxTimeout: 2 });
    fake.failNext('chat.postMessage', { status: 502 }, { status: 502 }, { status: 502 });
    await expect(p.postToChannel('G0COMITE', { text: 'x' })).rejects.toBeInstanceOf(PlatformError);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('does not retry a Slack-level refusal (not_in_channel) and reports it', async () => {
    const p = platform();
    await expect(p.postToChannel('C0NOWHERE', { text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
