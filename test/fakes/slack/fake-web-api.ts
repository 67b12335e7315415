import { BOT, TEAM, type FakeMessage, type FakeSlack } from './fake-slack.js';

/** Slack's Web API methods the bot calls, answered from the fake's state with Slack's response shapes. */
export function answerWebApi(fake: FakeSlack, method: string, a: Record<string, unknown>): Record<string, unknown> {
  const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : a[k] === undefined ? undefined : String(a[k]));
  const channelOf = (id: string | undefined) => (id ? fake.channels.get(id) : undefined);
  switch (method) {
    case 'auth.test':
      return { ok: true, url: TEAM.url, team: 'CAE Exemple', user: 'charte-bot', team_id: TEAM.id, user_id: BOT.userId, bot_id: BOT.botId, is_enterprise_install: false };
    case 'apps.connections.open':
      return { ok: true, url: `ws://127.0.0.1:${fake.port}/link/?ticket=fake-ticket&app_id=${BOT.appId}` };
    case 'users.info': {
      const u = fake.users.get(s('user') ?? '');
      return u ? { ok: true, user: { ...u, team_id: TEAM.id, deleted: false } } : { ok: false, error: 'user_not_found' };
    }
    case 'users.list':
      return { ok: true, ...fake.page([...fake.users.values()].map((u) => ({ ...u, team_id: TEAM.id, deleted: false })), s('cursor'), 'members') };
    case 'conversations.info': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      // Like Slack: a private channel the bot is not in does not exist for it.
      if (c.is_private && !c.members.includes(BOT.userId)) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: fake.channelJson(c) };
    }
    case 'conversations.list': {
      const types = (s('types') ?? 'public_channel').split(',');
      const visible = [...fake.channels.values()].filter(
        (c) => !c.is_im && !c.is_mpim && (c.is_private ? types.includes('private_channel') && c.members.includes(BOT.userId) : types.includes('public_channel')),
      );
      return { ok: true, ...fake.page(visible.map((c) => fake.channelJson(c)), s('cursor'), 'channels') };
    }
    case 'conversations.members': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      return { ok: true, ...fake.page(c.members, s('cursor'), 'members') };
    }
    case 'conversations.open': {
      const users = s('users') ?? '';
      const id = `D${users.split(',')[0]}`;
      if (!fake.channels.has(id)) fake.addChannel({ id, name: '', is_private: true, is_im: true, members: [users, BOT.userId] });
      return { ok: true, channel: { id } };
    }
    case 'chat.postMessage': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      if (!c.members.includes(BOT.userId)) return { ok: false, error: 'not_in_channel' };
      const ts = fake.nextTs();
      const message: FakeMessage = { ts, text: s('text') ?? '', bot_id: BOT.botId, user: BOT.userId, thread_ts: s('thread_ts'), blocks: a.blocks as unknown[] };
      c.messages.push(message);
      return { ok: true, channel: c.id, ts, message: { ...message, type: 'message', team: TEAM.id } };
    }
    case 'chat.update': {
      const c = channelOf(s('channel'));
      const m = c?.messages.find((x) => x.ts === s('ts'));
      if (!c || !m) return { ok: false, error: 'message_not_found' };
      m.text = s('text') ?? m.text;
      m.blocks = a.blocks as unknown[];
      return { ok: true, channel: c.id, ts: m.ts, text: m.text };
    }
    case 'chat.postEphemeral':
      return channelOf(s('channel')) ? { ok: true, message_ts: fake.nextTs() } : { ok: false, error: 'channel_not_found' };
    case 'chat.getPermalink': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: c.id, permalink: `${TEAM.url}archives/${c.id}/p${(s('message_ts') ?? '').replace('.', '')}` };
    }
    case 'conversations.history': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      const latest = Number(s('latest') ?? Infinity);
      const oldest = Number(s('oldest') ?? 0);
      const top = c.messages.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
      const hits = top.filter((m) => Number(m.ts) <= latest && Number(m.ts) >= oldest).slice(0, Number(s('limit') ?? 100));
      return { ok: true, messages: hits.map((m) => ({ type: 'message', ...m })), has_more: false };
    }
    case 'conversations.replies': {
      const c = channelOf(s('channel'));
      if (!c) return { ok: false, error: 'channel_not_found' };
      const ts = s('ts');
      const root = c.messages.find((m) => m.ts === ts);
      if (!root) return { ok: false, error: 'thread_not_found' };
      const threadTs = root.thread_ts ?? root.ts;
      const thread = c.messages.filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
      return { ok: true, messages: thread.map((m) => ({ type: 'message', ...m })), has_more: false };
    }
    case 'views.open':
      return { ok: true, view: { id: `V${fake.nextTs().replace('.', '')}`, type: 'modal' } };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
