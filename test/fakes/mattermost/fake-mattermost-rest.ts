import type { IncomingMessage } from 'node:http';
import type { FakeMattermost } from './fake-mattermost.js';
import { newId, type FakeCommand } from './fake-mattermost-state.js';

export interface RestCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  userId?: string;
}

type Out = { status: number; body: unknown };

function error(status: number, message: string): Out {
  return { status, body: { id: `fake.${status}`, message, detailed_error: '', request_id: newId(), status_code: status } };
}

const ok = (body: unknown, status = 200): Out => ({ status, body });

/** REST v4 routes the bot and `charte-bot setup mattermost` use, modelled on the OpenAPI spec. */
export function handleRest(fake: FakeMattermost, req: IncomingMessage, rawBody: string): Out {
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  let body: unknown = undefined;
  if (rawBody) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return error(400, 'invalid JSON body');
    }
  }
  const auth = /^BEARER (.+)$/.exec(req.headers.authorization ?? '');
  const userId = auth ? fake.state.tokens.get(auth[1]) : undefined;
  fake.calls.push({ method, path, query: Object.fromEntries(url.searchParams), body, userId });
  if (path === '/api/v4/system/ping') return ok({ status: 'OK' });
  if (!userId) return error(401, 'Invalid or expired session, please login again.');
  const s = fake.state;
  const me = s.users.get(userId)!;
  const isAdmin = me.roles.includes('system_admin');
  const m = (re: RegExp) => re.exec(path);
  let r: RegExpExecArray | null;

  if (method === 'GET' && path === '/api/v4/users/me') return ok(me);
  if (method === 'GET' && (r = m(/^\/api\/v4\/users\/([a-z0-9]{26})$/))) return s.users.has(r[1]) ? ok(s.users.get(r[1])) : error(404, 'user not found');
  if (method === 'GET' && (r = m(/^\/api\/v4\/teams\/name\/([^/]+)$/))) {
    if (decodeURIComponent(r[1]) !== s.team.name) return error(404, 'team not found');
    return s.teamMembers.has(userId) ? ok(s.team) : error(403, 'not a team member');
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/teams\/([a-z0-9]{26})\/channels\/name\/([^/]+)$/))) {
    const channel = [...s.channels.values()].find((c) => c.team_id === r![1] && c.name === decodeURIComponent(r![2]));
    if (!channel || (channel.type === 'P' && !s.isMember(channel.id, userId))) return error(404, 'channel not found');
    return ok(channel);
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/users\/me\/teams\/([a-z0-9]{26})\/channels$/))) {
    return ok([...s.channels.values()].filter((c) => (c.team_id === r![1] || c.team_id === '') && s.isMember(c.id, userId)));
  }
  if (method === 'POST' && path === '/api/v4/channels/direct') {
    if (!Array.isArray(body) || body.length !== 2 || !body.every((id) => s.users.has(String(id)))) return error(400, 'two user ids expected');
    return ok(s.directChannel(String(body[0]), String(body[1])), 201);
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/channels\/([a-z0-9]{26})$/))) {
    const channel = s.channels.get(r[1]);
    if (!channel) return error(404, 'channel not found');
    return channel.type === 'O' || s.isMember(channel.id, userId) ? ok(channel) : error(403, 'no permission');
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/channels\/([a-z0-9]{26})\/members\/([a-z0-9]{26})$/))) {
    if (!s.channels.has(r[1])) return error(404, 'channel not found');
    if (!s.isMember(r[1], userId) && s.channels.get(r[1])!.type !== 'O') return error(403, 'no permission');
    return s.isMember(r[1], r[2]) ? ok({ channel_id: r[1], user_id: r[2], roles: 'channel_user' }) : error(404, 'not a member');
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/channels\/([a-z0-9]{26})\/posts$/))) {
    if (!s.isMember(r[1], userId)) return error(403, 'no permission');
    const since = Number(url.searchParams.get('since') ?? 0);
    const posts = [...s.posts.values()].filter((p) => p.channel_id === r![1] && p.update_at > since).sort((a, b) => b.create_at - a.create_at);
    return ok({ order: posts.map((p) => p.id), posts: Object.fromEntries(posts.map((p) => [p.id, p])), next_post_id: '', prev_post_id: '' });
  }
  if (method === 'POST' && path === '/api/v4/posts') {
    const b = (body ?? {}) as { channel_id?: string; message?: string; props?: Record<string, unknown>; root_id?: string };
    const channel = s.channels.get(b.channel_id ?? '');
    if (!channel) return error(400, 'channel_id is invalid');
    if (!s.isMember(channel.id, userId)) return error(403, 'no permission to post here');
    const post = s.createPost(userId, channel.id, String(b.message ?? ''), { props: b.props ?? {}, root_id: b.root_id ?? '' });
    fake.broadcastPosted(post, channel);
    return ok(post, 201);
  }
  if (method === 'GET' && (r = m(/^\/api\/v4\/posts\/([a-z0-9]{26})$/))) {
    const post = s.posts.get(r[1]);
    if (!post) return error(404, 'post not found');
    const channel = s.channels.get(post.channel_id)!;
    return channel.type === 'O' || s.isMember(channel.id, userId) ? ok(post) : error(403, 'no permission');
  }
  if (method === 'PUT' && (r = m(/^\/api\/v4\/posts\/([a-z0-9]{26})\/patch$/))) {
    const post = s.posts.get(r[1]);
    if (!post) return error(404, 'post not found');
    if (post.user_id !== userId) return error(403, 'not your post');
    const b = (body ?? {}) as { message?: string; props?: Record<string, unknown> };
    const at = s.now();
    if (typeof b.message === 'string') post.message = b.message;
    if (b.props) post.props = b.props;
    Object.assign(post, { edit_at: at, update_at: at });
    return ok(post);
  }
  if (method === 'GET' && path === '/api/v4/commands') {
    if (!isAdmin) return error(403, 'manage_slash_commands permission needed');
    const teamId = url.searchParams.get('team_id');
    return ok(s.commands.filter((c) => c.team_id === teamId));
  }
  if (method === 'POST' && path === '/api/v4/commands') {
    if (!isAdmin) return error(403, 'manage_slash_commands permission needed');
    const b = (body ?? {}) as Partial<FakeCommand>;
    if (!b.team_id || !b.trigger || !b.url || !b.method) return error(400, 'team_id, trigger, url and method are required');
    if (s.commands.some((c) => c.team_id === b.team_id && c.trigger === b.trigger)) return error(400, 'trigger already used');
    const at = s.now();
    const command: FakeCommand = {
      id: newId(), token: newId(), create_at: at, update_at: at, delete_at: 0, creator_id: userId, team_id: b.team_id,
      trigger: b.trigger, method: b.method, url: b.url, auto_complete: Boolean(b.auto_complete),
      auto_complete_desc: b.auto_complete_desc ?? '', auto_complete_hint: b.auto_complete_hint ?? '',
      display_name: b.display_name ?? '', description: b.description ?? '', username: b.username ?? '', icon_url: b.icon_url ?? '',
    };
    s.commands.push(command);
    return ok(command, 201);
  }
  return error(404, `fake: no route ${method} ${path}`);
}
