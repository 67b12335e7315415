import type { SlackTexts } from './slack-texts.js';

/** The message shortcut's callback id (also in the manifest) and the modal it opens. */
export const REPORT_CALLBACK_ID = 'report_message';
export const REPORT_VIEW_ID = 'report_message_modal';
const REASON_BLOCK = 'reason';
const REASON_ACTION = 'reason';
/** Slack's limit on `private_metadata`. */
const METADATA_MAX = 3000;

export interface ReportTarget {
  channelId: string;
  messageId: string;
  authorId?: string;
  text?: string;
}

/** Carries the reported message through the modal; its text is shortened until the JSON fits Slack's limit. */
export function encodeTarget(target: ReportTarget): string {
  let text = target.text;
  for (;;) {
    const json = JSON.stringify({ c: target.channelId, m: target.messageId, a: target.authorId, t: text });
    if (json.length <= METADATA_MAX || text === undefined) return json;
    text = text.length > 200 ? `${text.slice(0, Math.floor(text.length * 0.7))}…` : undefined;
  }
}

export function decodeTarget(metadata: unknown): ReportTarget | undefined {
  if (typeof metadata !== 'string' || metadata === '') return undefined;
  try {
    const raw = JSON.parse(metadata) as { c?: unknown; m?: unknown; a?: unknown; t?: unknown };
    if (typeof raw.c !== 'string' || typeof raw.m !== 'string') return undefined;
    return {
      channelId: raw.c,
      messageId: raw.m,
      authorId: typeof raw.a === 'string' ? raw.a : undefined,
      text: typeof raw.t === 'string' ? raw.t : undefined,
    };
  } catch {
    return undefined;
  }
}

export function reportModal(target: ReportTarget, texts: SlackTexts) {
  return {
    type: 'modal' as const,
    callback_id: REPORT_VIEW_ID,
    private_metadata: encodeTarget(target),
    title: { type: 'plain_text' as const, text: texts.modalTitle.slice(0, 24) },
    submit: { type: 'plain_text' as const, text: texts.modalSubmit },
    close: { type: 'plain_text' as const, text: texts.modalClose },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: texts.modalIntro }] },
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: { type: 'plain_text', text: texts.reasonLabel },
        element: {
          type: 'plain_text_input',
          action_id: REASON_ACTION,
          multiline: true,
          max_length: 1000,
          placeholder: { type: 'plain_text', text: texts.reasonPlaceholder },
        },
      },
    ],
  };
}

/** Reads the reason and the reported message back from a `view_submission`. */
export function readReportSubmission(view: Record<string, unknown>): { reason?: string; target?: ReportTarget } {
  const values = (view.state as { values?: Record<string, Record<string, { value?: unknown }>> } | undefined)?.values;
  const raw = values?.[REASON_BLOCK]?.[REASON_ACTION]?.value;
  const reason = typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, 1000) : undefined;
  return { reason, target: decodeTarget(view.private_metadata) };
}
