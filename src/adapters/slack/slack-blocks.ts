import type { ActionName, Button, OutgoingMessage } from '../../core/model.js';
import { isActionName } from '../../core/model.js';

/** Slack limits: a section's text, a button's label and value, the notification fallback. */
const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const FALLBACK_MAX = 3900;
export const ACTIONS_BLOCK_ID = 'charte_actions';

export interface SlackBlock {
  type: string;
  block_id?: string;
  [key: string]: unknown;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long mrkdwn on line breaks so each section stays under Slack's 3000-character limit. */
function sections(text: string): SlackBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= SECTION_MAX) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = line;
    while (current.length > SECTION_MAX) {
      chunks.push(current.slice(0, SECTION_MAX));
      current = current.slice(SECTION_MAX);
    }
  }
  if (current !== '') chunks.push(current);
  return chunks.slice(0, 45).map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
}

function buttonElement(button: Button, actionId: string): Record<string, unknown> {
  return {
    type: 'button',
    action_id: actionId,
    value: button.value.slice(0, BUTTON_VALUE_MAX),
    text: { type: 'plain_text', text: truncate(button.label, BUTTON_LABEL_MAX), emoji: true },
    ...(button.style ? { style: button.style } : {}),
  };
}

/** `action_id` must be unique within a block: a repeated action gets a `#n` suffix, which `parseActionId` strips. */
export function toBlocks(message: OutgoingMessage): SlackBlock[] {
  const blocks = sections(message.text);
  const buttons = message.buttons ?? [];
  if (buttons.length > 0) {
    const seen = new Map<string, number>();
    const elements = buttons.slice(0, 25).map((button) => {
      const n = seen.get(button.action) ?? 0;
      seen.set(button.action, n + 1);
      return buttonElement(button, n === 0 ? button.action : `${button.action}#${n}`);
    });
    blocks.push({ type: 'actions', block_id: ACTIONS_BLOCK_ID, elements });
  }
  return blocks;
}

/** The notification / screen-reader fallback that goes with the blocks. */
export function fallbackText(message: OutgoingMessage): string {
  return truncate(message.text, FALLBACK_MAX);
}

/** `chat.postMessage` / `chat.update` arguments for a message, never with `link_names` (keeps `@here` inert). */
export function messageArgs(message: OutgoingMessage): { text: string; blocks: SlackBlock[]; link_names: false; unfurl_links: false; unfurl_media: false } {
  return { text: fallbackText(message), blocks: toBlocks(message), link_names: false, unfurl_links: false, unfurl_media: false };
}

/** Matches our buttons' action ids (with the optional duplicate suffix). */
export const ACTION_ID_PATTERN = /^(repost_annonces|not_promo|verdict_false_positive|verdict_confirmed)(#\d+)?$/;

export function parseActionId(actionId: string): ActionName | undefined {
  const name = actionId.replace(/#\d+$/, '');
  return isActionName(name) ? name : undefined;
}
