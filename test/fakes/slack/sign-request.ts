import { createHmac } from 'node:crypto';

/** Signs a request body like Slack: `v0=` + HMAC-SHA256(secret, `v0:<ts>:<body>`). */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs to the bot's receiver the way Slack does (JSON events, form-encoded commands and interactivity). */
export async function postSigned(
  url: string,
  body: string,
  secret: string,
  options: { contentType?: string; retryNum?: number; timestamp?: number; forge?: boolean } = {},
): Promise<Response> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.forge ? slackSignature('not-the-secret', timestamp, body) : slackSignature(secret, timestamp, body);
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'application/json',
    'X-Slack-Request-Timestamp': timestamp,
    'X-Slack-Signature': signature,
  };
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

/** Form body for an interactive payload (`payload=<json>`), as Slack sends buttons, shortcuts and modals. */
export function interactiveBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
