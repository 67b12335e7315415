import { randomBytes } from 'node:crypto';

/** Mattermost ids: 26 lowercase letters and digits. */
export function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(26), (b) => alphabet[b % alphabet.length]).join('');
}

export interface FakeUser {
  id: string;
  username: string;
  is_bot: boolean;
  roles: string;
}

export interface FakeChannel {
  id: string;
  team_id: string;
  name: string;
  display_name: string;
  type: 'O' | 'P' | 'D' | 'G';
}

export interface FakePost {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  pending_post_id: string;
  metadata: Record<string, unknown>;
}

export interface FakeCommand {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  team_id: string;
  trigger: string;
  method: string;
  url: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  username: string;
  icon_url: string;
}

/**
 * The fake server's world: one team `coop`, a bot account, three members, an admin, and the channels
 * the bars need (~general, ~annonces, ~town-square public; ~comite-charte private).
 */
export class FakeMattermostState {
  readonly team = { id: newId(), name: 'coop', display_name: 'La Coop', type: 'O' };
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly members = new Map<string, Set<string>>();
  readonly teamMembers = new Set<string>();
  readonly posts = new Map<string, FakePost>();
  readonly commands: FakeCommand[] = [];
  readonly tokens = new Map<string, string>();
  private lastTime = 0;

  constructor(readonly botToken: string, readonly adminToken: string) {
    const bot = this.addUser('charte-bot', { isBot: true });
    const admin = this.addUser('admin', { roles: 'system_admin system_user' });
    this.tokens.set(botToken, bot.id);
    this.tokens.set(adminToken, admin.id);
    for (const name of ['alice', 'bob', 'carole', 'otherbot']) this.addUser(name, { isBot: name === 'otherbot' });
    const everyone = [...this.users.values()].map((u) => u.username);
    this.addChannel('town-square', 'O', everyone);
    this.addChannel('general', 'O', everyone);
    this.addChannel('annonces', 'O', everyone);
    this.addChannel('comite-charte', 'P', ['charte-bot', 'carole', 'admin']);
  }

  /** Strictly increasing epoch ms, so `since` queries are exact. */
  now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  addUser(username: string, o: { isBot?: boolean; roles?: string } = {}): FakeUser {
    const user: FakeUser = { id: newId(), username, is_bot: Boolean(o.isBot), roles: o.roles ?? 'system_user' };
    this.users.set(user.id, user);
    this.teamMembers.add(user.id);
    return user;
  }

  addChannel(name: string, type: FakeChannel['type'], memberNames: string[], teamId = this.team.id): FakeChannel {
    const channel: FakeChannel = { id: newId(), team_id: teamId, name, display_name: name, type };
    this.channels.set(channel.id, channel);
    this.members.set(channel.id, new Set(memberNames.map((n) => this.user(n).id)));
    return channel;
  }

  user(username: string): FakeUser {
    const u = [...this.users.values()].find((x) => x.username === username);
    if (!u) throw new Error(`fake: no user ${username}`);
    return u;
  }

  channel(name: string): FakeChannel {
    const c = [...this.channels.values()].find((x) => x.name === name);
    if (!c) throw new Error(`fake: no channel ${name}`);
    return c;
  }

  get bot(): FakeUser {
    return this.user('charte-bot');
  }

  isMember(channelId: string, userId: string): boolean {
    return this.members.get(channelId)?.has(userId) ?? false;
  }

  directChannel(a: string, b: string): FakeChannel {
    const name = [a, b].sort().join('__');
    const existing = [...this.channels.values()].find((c) => c.type === 'D' && c.name === name);
    if (existing) return existing;
    const channel: FakeChannel = { id: newId(), team_id: '', name, display_name: '', type: 'D' };
    this.channels.set(channel.id, channel);
    this.members.set(channel.id, new Set([a, b]));
    return channel;
  }

  createPost(userId: string, channelId: string, message: string, extra: Partial<FakePost> = {}): FakePost {
    const at = this.now();
    const post: FakePost = {
      id: newId(),
      create_at: at,
      update_at: at,
      edit_at: 0,
      delete_at: 0,
      user_id: userId,
      channel_id: channelId,
      root_id: '',
      original_id: '',
      message,
      type: '',
      props: {},
      hashtags: '',
      pending_post_id: '',
      metadata: {},
      ...extra,
    };
    this.posts.set(post.id, post);
    return post;
  }
}
