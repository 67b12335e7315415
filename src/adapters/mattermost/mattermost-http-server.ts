import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AdapterContext, HealthReport } from '../adapter-context.js';
import { handleOpsRoute } from '../../ops/ops-routes.js';
import type { BotCore } from '../../core/bot-core.js';
import { describeError } from '../../core/errors.js';
import { isActionName, type ChannelInfo, type IncomingAction, type IncomingCommand } from '../../core/model.js';
import type { Logger } from '../../core/ports/logger.js';
import { safeEqual, type ActionSigner } from './action-signer.js';
import { adapterText, type Locale } from './adapter-texts.js';
import { BodyTooLargeError, readBody, sendJson } from './http-helpers.js';
import type { MattermostPlatform } from './mattermost-platform.js';
import { toPostBody } from './post-props.js';

export interface HttpServerOptions {
  ctx: AdapterContext;
  platform: MattermostPlatform;
  core: BotCore;
  signer: ActionSigner;
  commandToken: string | undefined;
  actionUrl: string | undefined;
  /** Mattermost's own health, for `/healthz`. */
  mattermostCheck(): { ok: boolean; detail?: string };
  log: Logger;
}

/**
 * The bot's HTTP side on PORT: `/mattermost/command` (the /charte slash command, form-encoded, token
 * checked in constant time), `/mattermost/action` (button clicks, JSON, context signature checked) and
 * `/healthz` + `/metrics` (shared ops routes). Bodies over 1 MB get 413, malformed ones 400; nothing here throws to the socket.
 */
export function createMattermostHttpServer(o: HttpServerOptions): Server {
  const locale: Locale = o.ctx.config.core.locale;
  const text = (key: Parameters<typeof adapterText>[1]) => adapterText(locale, key);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (await handleOpsRoute(req, res, { health, metrics: () => o.ctx.metrics?.() ?? '' })) return;
    if (path === '/mattermost/command' || path === '/mattermost/action') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
      let body: string;
      try {
        body = await readBody(req);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'body too large (1 MB max)' });
        throw err;
      }
      return path === '/mattermost/command' ? command(req, body, res) : action(body, res);
    }
    sendJson(res, 404, { error: 'not found' });
  }

  async function health(): Promise<HealthReport> {
    const report = await o.ctx.health();
    const mm = o.mattermostCheck();
    return { ok: report.ok && mm.ok, checks: { ...report.checks, mattermost: mm } };
  }

  async function command(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(body);
    const header = req.headers.authorization ?? '';
    const given = form.get('token') || (/^Token\s+(.+)$/i.exec(header)?.[1] ?? '');
    if (!o.commandToken) {
      o.log.warn({}, 'mattermost /charte refused: MATTERMOST_COMMAND_TOKEN is not set');
      return sendJson(res, 401, { response_type: 'ephemeral', text: text('noCommandToken') });
    }
    if (!given || !safeEqual(given, o.commandToken)) {
      o.log.warn({}, 'mattermost /charte refused: wrong command token');
      return sendJson(res, 401, { response_type: 'ephemeral', text: text('badCommandToken') });
    }
    const userId = form.get('user_id') ?? '';
    const channelId = form.get('channel_id') ?? '';
    if (!userId || !channelId) return sendJson(res, 400, { response_type: 'ephemeral', text: 'user_id and channel_id are required' });
    const channel: ChannelInfo = (await o.platform.getChannel(channelId).catch(() => undefined)) ?? {
      id: channelId,
      name: form.get('channel_name') ?? '',
      kind: 'public',
    };
    const incoming: IncomingCommand = {
      platform: 'mattermost',
      text: (form.get('text') ?? '').trim(),
      user: { id: userId, name: form.get('user_name') ?? userId, isBot: false },
      channel,
    };
    const rootId = form.get('root_id');
    if (rootId) incoming.threadId = rootId;
    try {
      const result = await o.core.handleCommand(incoming);
      const post = toPostBody(result.message, { actionUrl: o.actionUrl, signer: o.signer });
      sendJson(res, 200, { response_type: result.visibility, text: post.message, ...post.props });
    } catch (err) {
      o.log.error({ err: describeError(err) }, 'mattermost /charte failed');
      sendJson(res, 200, { response_type: 'ephemeral', text: text('stumbled') });
    }
  }

  async function action(body: string, res: ServerResponse): Promise<void> {
    let payload: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      payload = parsed as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: { message: 'malformed JSON' } });
    }
    const context = payload.context;
    const userId = payload.user_id;
    if (typeof userId !== 'string' || !userId || typeof context !== 'object' || context === null) {
      return sendJson(res, 400, { error: { message: 'user_id and context are required' } });
    }
    const ctxFields = context as Record<string, unknown>;
    if (!o.signer.verify(ctxFields)) {
      o.log.warn({ userId }, 'mattermost action refused: context not signed by this bot');
      return sendJson(res, 403, { error: { message: text('forgedButton') } });
    }
    if (typeof ctxFields.for === 'string' && ctxFields.for !== userId) {
      return sendJson(res, 200, { ephemeral_text: text('notYourButton') });
    }
    if (!isActionName(ctxFields.action)) return sendJson(res, 400, { error: { message: 'unknown action' } });
    const user = (await o.platform.getUser(userId).catch(() => undefined)) ?? {
      id: userId,
      name: typeof payload.user_name === 'string' ? payload.user_name : userId,
      isBot: false,
    };
    const incoming: IncomingAction = { platform: 'mattermost', action: ctxFields.action, value: String(ctxFields.value), user };
    if (typeof payload.post_id === 'string' && typeof payload.channel_id === 'string' && payload.post_id) {
      incoming.source = { channelId: payload.channel_id, messageId: payload.post_id };
    }
    try {
      const result = await o.core.handleAction(incoming);
      const answer: Record<string, unknown> = {};
      if (result.update) {
        const forUser = typeof ctxFields.for === 'string' ? ctxFields.for : undefined;
        const post = toPostBody(result.update, { actionUrl: o.actionUrl, signer: o.signer }, { forUser });
        answer.update = { message: post.message, props: post.props };
      }
      if (result.reply) answer.ephemeral_text = toPostBody(result.reply, { actionUrl: undefined, signer: o.signer }).message;
      sendJson(res, 200, answer);
    } catch (err) {
      o.log.error({ err: describeError(err), action: incoming.action }, 'mattermost action failed');
      sendJson(res, 200, { ephemeral_text: text('actionFailed') });
    }
  }

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      o.log.error({ err: describeError(err), path: req.url?.split('?')[0] }, 'mattermost http request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}
