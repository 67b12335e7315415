import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CharteBotError, describeError } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import { handleOpsRoute } from '../../ops/ops-routes.js';
import type { HealthReport } from '../adapter-context.js';
import { HttpError, readJsonBody, sendError, sendJson } from './http-helpers.js';
import type { PlaygroundApi } from './playground-api.js';
import type { PlaygroundEvents } from './playground-events.js';
import { serveStatic, STATIC_DIR } from './static-files.js';

export interface PlaygroundServerDeps {
  api: PlaygroundApi;
  events: PlaygroundEvents;
  health: () => Promise<HealthReport>;
  /** Prometheus text for `GET /metrics`, when the root collects metrics. */
  metrics?: () => string;
  log: Logger;
  staticDir?: string;
}

type PostRoute = (body: Record<string, unknown>) => Promise<unknown>;

/** node:http with a small router: the page, its JSON API, the live event stream and `/healthz`. */
export function createPlaygroundServer(deps: PlaygroundServerDeps): Server {
  const posts: Record<string, PostRoute> = {
    '/api/messages': (b) => deps.api.postMessage(b),
    '/api/actions': (b) => deps.api.action(b),
    '/api/edit': (b) => deps.api.edit(b),
    '/api/delete': (b) => deps.api.remove(b),
    '/api/reset': () => deps.api.reset(),
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://playground.invalid');
    const method = req.method ?? 'GET';
    const metrics = deps.metrics;
    if (url.pathname === '/healthz' || (url.pathname === '/metrics' && metrics)) {
      if (await handleOpsRoute(req, res, { health: deps.health, metrics: metrics ?? (() => '') })) return;
    }
    if (url.pathname === '/api/state' && method === 'GET') {
      return sendJson(res, 200, deps.api.state(url.searchParams.get('as'), deps.events.currentRevision));
    }
    if (url.pathname === '/api/events' && method === 'GET') return deps.events.subscribe(res);
    const post = posts[url.pathname];
    if (post) {
      if (method !== 'POST') throw new HttpError(405, 'method_not_allowed', `Use POST for ${url.pathname}.`);
      checkSameOrigin(req);
      return sendJson(res, 200, await post(await readJsonBody(req)));
    }
    if (method === 'GET' && (await serveStatic(res, url.pathname, deps.staticDir ?? STATIC_DIR))) return;
    throw new HttpError(404, 'not_found', 'Nothing here.');
  }

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.end();
      if (err instanceof HttpError) return sendError(res, err);
      const unavailable = err instanceof CharteBotError && err.code === 'STORE_UNAVAILABLE';
      deps.log.error({ err: describeError(err), path: req.url?.split('?')[0] }, 'playground request failed');
      sendError(res, new HttpError(unavailable ? 503 : 500, unavailable ? 'unavailable' : 'internal', 'The bot could not do that right now; see the logs.'));
    });
  });
}

/** A page from another site may not drive the playground (browsers send Origin on cross-site POSTs). */
function checkSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== req.headers.host) throw new HttpError(403, 'cross_origin', 'Requests from other sites are refused.');
}
