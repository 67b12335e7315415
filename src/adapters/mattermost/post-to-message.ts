import type { IncomingMessage } from '../../core/model.js';
import type { MattermostPlatform } from './mattermost-platform.js';

/** The fields of a Mattermost post the bot reads (see openapi `Post`). */
export interface MattermostPost {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  user_id: string;
  channel_id: string;
  root_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
}

/**
 * Reads a post from a WebSocket event (`data.post` is a JSON *string*) or a REST answer (an object).
 * Undefined when it isn't a post.
 */
export function parsePost(raw: unknown): MattermostPost | undefined {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  if (typeof p.id !== 'string' || p.id === '' || typeof p.channel_id !== 'string' || typeof p.user_id !== 'string') return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: p.id,
    create_at: num(p.create_at),
    update_at: num(p.update_at),
    edit_at: num(p.edit_at),
    delete_at: num(p.delete_at),
    user_id: p.user_id,
    channel_id: p.channel_id,
    root_id: str(p.root_id),
    message: str(p.message),
    type: str(p.type),
    props: typeof p.props === 'object' && p.props !== null ? (p.props as Record<string, unknown>) : {},
  };
}

export type Translation = { kind: 'message'; message: IncomingMessage } | { kind: 'skip'; reason: string };

const isTrue = (v: unknown) => v === true || v === 'true';

/**
 * Turns a post into the core's IncomingMessage, or says why it is none of the bot's business: its own
 * posts, other bots and integrations, system posts (join/leave, header changes…), DMs and group
 * messages, other teams. A reply carries its thread root's text so the core can tell a solicited
 * answer from a pitch.
 */
export async function postToMessage(
  post: MattermostPost,
  platform: MattermostPlatform,
  options: { isEdit: boolean; channelType?: string },
): Promise<Translation> {
  if (post.user_id === platform.botUserId) return skip('own post');
  if (isTrue(post.props.from_bot)) return skip('bot post');
  if (isTrue(post.props.from_webhook)) return skip('integration post');
  if (post.type !== '') return skip('system post');
  if (options.channelType === 'D' || options.channelType === 'G') return skip('direct or group message');
  if (post.delete_at > 0) return skip('deleted post');
  if (post.message.trim() === '') return skip('no text');

  const channel = await platform.getKnownChannel(post.channel_id);
  if (!channel) return skip('unknown channel');
  if (channel.kind === 'dm' || channel.kind === 'group') return skip('direct or group message');
  if (channel.teamId !== platform.teamId) return skip('other team');

  const author = await platform.getUser(post.user_id);
  if (!author) return skip('unknown author');
  if (author.isBot) return skip('bot post');

  const message: IncomingMessage = {
    platform: 'mattermost',
    id: post.id,
    eventId: options.isEdit ? `${post.id}:${post.edit_at}` : post.id,
    channel: { id: channel.id, name: channel.name, kind: channel.kind },
    author,
    text: post.message,
    isEdit: options.isEdit,
    at: options.isEdit && post.edit_at > 0 ? post.edit_at : post.create_at,
    permalink: platform.permalinkFor(post.id),
  };
  if (post.root_id) {
    const root = await platform.getThreadRoot(post.root_id);
    message.thread = root ?? { id: post.root_id, text: '' };
  }
  return { kind: 'message', message };
}

function skip(reason: string): Translation {
  return { kind: 'skip', reason };
}
