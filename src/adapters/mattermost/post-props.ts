import type { Button, OutgoingMessage } from '../../core/model.js';
import type { ActionSigner } from './action-signer.js';
import { defuseGroupMentions } from './mattermost-formatter.js';

export interface ButtonTarget {
  /** `{BOT_PUBLIC_URL}/mattermost/action`, or undefined when BOT_PUBLIC_URL is not set. */
  actionUrl: string | undefined;
  signer: ActionSigner;
}

/** `props.attachments[].actions[]` as Mattermost reads them (interactive message buttons). */
export interface PostAction {
  id: string;
  name: string;
  type: 'button';
  style?: string;
  integration: { url: string; context: Record<string, unknown> };
}

export interface PostBody {
  message: string;
  props: { attachments?: Array<{ fallback: string; actions: PostAction[] }> };
}

/**
 * Translates an outgoing message into a post body: the text goes in `message` (it is also the
 * notification), buttons go in one message attachment. Action ids may only hold letters and digits
 * (Mattermost routes clicks through `/posts/{id}/actions/{action_id}`), hence `btn0`, `btn1`…
 * Without BOT_PUBLIC_URL the buttons are dropped: a button that can't call back is worse than none.
 */
export function toPostBody(message: OutgoingMessage, target: ButtonTarget, options: { forUser?: string } = {}): PostBody {
  const text = defuseGroupMentions(message.text);
  const buttons = message.buttons ?? [];
  if (buttons.length === 0 || !target.actionUrl) return { message: text, props: {} };
  const actionUrl = target.actionUrl;
  const actions = buttons.map((b, i) => toAction(b, i, actionUrl, target.signer, options.forUser));
  return { message: text, props: { attachments: [{ fallback: text.slice(0, 200), actions }] } };
}

function toAction(button: Button, index: number, url: string, signer: ActionSigner, forUser?: string): PostAction {
  const action: PostAction = {
    id: `btn${index}`,
    name: defuseGroupMentions(button.label),
    type: 'button',
    integration: { url, context: { ...signer.sign(button.action, button.value, forUser) } },
  };
  if (button.style) action.style = button.style;
  return action;
}
