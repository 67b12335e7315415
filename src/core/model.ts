/**
 * Platform-free model of what the bot sees and says. Adapters translate Slack / Mattermost / playground
 * payloads into these types; the core never sees a platform payload.
 */

export type PlatformName = 'slack' | 'mattermost' | 'playground';

/** What kind of conversation a message lives in. DMs and group DMs are never scanned. */
export type ChannelKind = 'public' | 'private' | 'dm' | 'group';

export interface ChannelInfo {
  /** Platform id (Slack `C…`, Mattermost 26-char id, playground slug). */
  id: string;
  /** Name without the leading `#` or `~`, e.g. `general`. */
  name: string;
  kind: ChannelKind;
}

export interface UserInfo {
  id: string;
  /** Display name or username, for committee lines ("Annonce de @name"). */
  name: string;
  isBot: boolean;
}

/** The message a thread reply answers, when the platform tells us (Slack `thread_ts`, Mattermost `root_id`). */
export interface ThreadParent {
  id: string;
  text: string;
  authorId?: string;
}

export interface IncomingMessage {
  platform: PlatformName;
  /** Platform message id (Slack `ts`, Mattermost post id). Stable across edits. */
  id: string;
  /**
   * Delivery id used for exactly-once handling (Slack `event_id`, Mattermost post id + edit time).
   * Defaults to `id` (+ `editedAt`) when the platform gives none.
   */
  eventId?: string;
  channel: ChannelInfo;
  author: UserInfo;
  text: string;
  /** Thread root when this is a reply; its text is used to tell a solicited answer from a pitch. */
  thread?: ThreadParent;
  /** True when this is an edit of message `id` (Slack `message_changed`, Mattermost `post_edited`). */
  isEdit: boolean;
  /** When the message was posted or edited, epoch milliseconds. */
  at: number;
  /** Link to the message, when the adapter can build it cheaply. */
  permalink?: string;
}

export interface MessageDeleted {
  platform: PlatformName;
  channelId: string;
  messageId: string;
}

/** Actions carried by buttons. The value of a button is an opaque id (usually an incident id). */
export type ActionName =
  | 'repost_annonces' // «Publier dans #annonces» on a reminder
  | 'not_promo' // «Ce n'était pas de la pub» on a reminder
  | 'verdict_false_positive' // «Faux positif» on a committee line
  | 'verdict_confirmed'; // «Bien vu» on a committee line

export const ACTION_NAMES: readonly ActionName[] = [
  'repost_annonces',
  'not_promo',
  'verdict_false_positive',
  'verdict_confirmed',
];

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && (ACTION_NAMES as readonly string[]).includes(value);
}

export interface Button {
  action: ActionName;
  label: string;
  /** Opaque payload given back on click (an incident id). */
  value: string;
  style?: 'primary' | 'danger';
}

/**
 * A message the bot sends. `text` is written with the platform's `TextFormatter` (so links, bold and
 * mentions are already in the platform's syntax) and is also the notification fallback.
 */
export interface OutgoingMessage {
  text: string;
  buttons?: Button[];
}

/** Where a posted message lives, so it can be updated or linked. */
export interface PostedRef {
  channelId: string;
  messageId: string;
}

export interface IncomingCommand {
  platform: PlatformName;
  /** Everything after `/charte`, trimmed, e.g. `mode observation`. */
  text: string;
  user: UserInfo;
  /** Where the command was typed (for `comite <message>`). Name may be empty when unknown. */
  channel: ChannelInfo;
  /** Thread the command was typed in, when the platform says so (Mattermost `root_id`). */
  threadId?: string;
}

export interface CommandResult {
  /** `ephemeral`: only the invoker sees it. `in_channel`: everyone in the channel sees it. */
  visibility: 'ephemeral' | 'in_channel';
  message: OutgoingMessage;
}

export interface IncomingAction {
  platform: PlatformName;
  action: ActionName;
  value: string;
  user: UserInfo;
  /** The message that carried the button, so it can be updated. */
  source?: PostedRef;
}

export interface ActionResult {
  /** Shown to the clicker only (ephemeral), when set. */
  reply?: OutgoingMessage;
  /** Replaces the message that carried the button (e.g. buttons removed, "✅ publié"), when set. */
  update?: OutgoingMessage;
}

/** A member or support staff reports a message to the committee (Slack shortcut, `/charte signaler`). */
export interface IncomingReport {
  platform: PlatformName;
  reporter: UserInfo;
  reason: string;
  /** Either a permalink typed by the user, or the message ref from a message shortcut. */
  permalink?: string;
  message?: { channelId: string; messageId: string; text?: string; authorId?: string };
}
