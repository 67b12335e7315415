import type { ChannelInfo, ChannelKind, IncomingMessage, MessageDeleted, ThreadParent, UserInfo } from '../../core/model.js';

/** Longest text we pass on; Slack itself caps messages at 40 000 characters. */
const MAX_TEXT = 40_000;

/** Subtypes that are a member speaking; everything else (joins, topics, bots, pins…) is ignored. */
const SPOKEN_SUBTYPES = new Set(['', 'thread_broadcast', 'file_share', 'me_message']);

type Json = Record<string, unknown>;

export type ReadEvent =
  | { kind: 'skip'; reason: string }
  | { kind: 'deleted'; event: MessageDeleted }
  | {
      kind: 'message';
      eventId: string;
      channelId: string;
      channelType?: string;
      userId: string;
      ts: string;
      text: string;
      threadTs?: string;
      /** Thread root carried by the event itself (`thread_broadcast`), saving a look-up. */
      root?: ThreadParent;
      isEdit: boolean;
      at: number;
    };

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function tsToMs(ts: string | undefined): number {
  const n = ts === undefined ? NaN : Number.parseFloat(ts);
  return Number.isFinite(n) ? Math.round(n * 1000) : 0;
}

/**
 * Reads an Events API envelope (`event_callback`, from HTTP or Socket Mode) into what the core needs, or
 * says why it is skipped. Pure: no look-ups, so every fixture can be replayed through it. Never throws.
 */
export function readMessageEvent(body: unknown, botUserId: string, botId?: string): ReadEvent {
  const envelope = obj(body);
  const event = obj(envelope?.event);
  if (!envelope || !event) return { kind: 'skip', reason: 'no event' };
  if (event.type !== 'message') return { kind: 'skip', reason: `event ${String(event.type)}` };
  const channelId = str(event.channel);
  const channelType = str(event.channel_type);
  if (!channelId) return { kind: 'skip', reason: 'no channel' };
  if (channelType === 'im' || channelType === 'mpim' || channelType === 'app_home' || channelId.startsWith('D')) {
    return { kind: 'skip', reason: 'direct message' };
  }
  const subtype = str(event.subtype) ?? '';
  const envelopeId = str(envelope.event_id);

  if (subtype === 'message_deleted') {
    const deletedTs = str(event.deleted_ts) ?? str(obj(event.previous_message)?.ts);
    if (!deletedTs) return { kind: 'skip', reason: 'deletion without ts' };
    return { kind: 'deleted', event: { platform: 'slack', channelId, messageId: deletedTs } };
  }

  let message: Json = event;
  let isEdit = false;
  let at = tsToMs(str(event.ts));
  if (subtype === 'message_changed') {
    const current = obj(event.message);
    const previous = obj(event.previous_message);
    if (!current) return { kind: 'skip', reason: 'edit without message' };
    // Unfurls, reply counts and reactions also arrive as message_changed: only a new text is an edit.
    if (previous && current.text === previous.text) return { kind: 'skip', reason: 'edit without text change' };
    const innerSubtype = str(current.subtype) ?? '';
    if (!SPOKEN_SUBTYPES.has(innerSubtype)) return { kind: 'skip', reason: `edited ${innerSubtype}` };
    message = { ...current, ts: str(current.ts) ?? str(previous?.ts) };
    isEdit = true;
    at = tsToMs(str(obj(current.edited)?.ts) ?? str(event.ts));
  } else if (!SPOKEN_SUBTYPES.has(subtype)) {
    return { kind: 'skip', reason: `subtype ${subtype}` };
  }

  if (str(message.bot_id) || obj(message.bot_profile)) return { kind: 'skip', reason: 'bot message' };
  const userId = str(message.user);
  if (!userId) return { kind: 'skip', reason: 'no author' };
  if (userId === botUserId || (botId !== undefined && message.bot_id === botId)) return { kind: 'skip', reason: 'own message' };
  const ts = str(message.ts);
  if (!ts) return { kind: 'skip', reason: 'no ts' };
  const rawText = typeof message.text === 'string' ? message.text : '';
  if (rawText.trim() === '') return { kind: 'skip', reason: 'no text' };
  const text = rawText.length > MAX_TEXT ? rawText.slice(0, MAX_TEXT) : rawText;

  const threadTs = str(message.thread_ts);
  const isReply = threadTs !== undefined && threadTs !== ts;
  const rootJson = obj(event.root);
  const root: ThreadParent | undefined =
    isReply && rootJson && typeof rootJson.text === 'string' ? { id: threadTs, text: rootJson.text, authorId: str(rootJson.user) } : undefined;

  // Exactly-once key: Slack's envelope id is the same on every retry of one delivery. Without it
  // (hand-made payloads), fall back to the message identity plus its edit time.
  const eventId = envelopeId ?? `${channelId}:${ts}${isEdit ? `:edit:${at}` : ''}`;
  return { kind: 'message', eventId, channelId, channelType, userId, ts, text, threadTs: isReply ? threadTs : undefined, root, isEdit, at };
}

/** What the adapter can look up to complete a message (implemented by `SlackPlatform`). */
export interface MessageLookups {
  getChannel(channelId: string): Promise<ChannelInfo | undefined>;
  getUser(userId: string): Promise<UserInfo | undefined>;
  threadParent(channelId: string, threadTs: string): Promise<ThreadParent | undefined>;
  localPermalink(channelId: string, ts: string, threadTs?: string): string | undefined;
}

function kindFromChannelType(channelType: string | undefined): ChannelKind {
  return channelType === 'group' ? 'private' : 'public';
}

/** Completes a read message with channel, author and thread root. Undefined when it must be skipped. */
export async function toIncomingMessage(
  read: Extract<ReadEvent, { kind: 'message' }>,
  lookups: MessageLookups,
): Promise<{ message: IncomingMessage } | { skip: string }> {
  const channel = (await lookups.getChannel(read.channelId)) ?? { id: read.channelId, name: '', kind: kindFromChannelType(read.channelType) };
  if (channel.kind === 'dm' || channel.kind === 'group') return { skip: 'direct message' };
  const author = (await lookups.getUser(read.userId)) ?? { id: read.userId, name: read.userId, isBot: false };
  if (author.isBot) return { skip: 'bot author' };
  let thread: ThreadParent | undefined;
  if (read.threadTs) thread = read.root ?? (await lookups.threadParent(read.channelId, read.threadTs)) ?? { id: read.threadTs, text: '' };
  return {
    message: {
      platform: 'slack',
      id: read.ts,
      eventId: read.eventId,
      channel,
      author,
      text: read.text,
      thread,
      isEdit: read.isEdit,
      at: read.at,
      permalink: lookups.localPermalink(read.channelId, read.ts, read.threadTs),
    },
  };
}
