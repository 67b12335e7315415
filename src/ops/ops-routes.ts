import type { IncomingMessage, ServerResponse } from 'node:http';

export interface OpsHandlers {
  health(): Promise<{ ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> }>;
  metrics(): string;
}

/**
 * Serves `GET /healthz` (200 when every check passes, 503 otherwise, JSON) and `GET /metrics`
 * (Prometheus text). Returns false when the request is for another route, so any node:http server
 * (Mattermost, playground, Slack's customRoutes, Socket Mode's side server) can mount it first.
 */
export async function handleOpsRoute(req: IncomingMessage, res: ServerResponse, ops: OpsHandlers): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/healthz') {
    let body: { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> };
    try {
      body = await ops.health();
    } catch (err) {
      body = { ok: false, checks: { health: { ok: false, detail: err instanceof Error ? err.message : 'failed' } } };
    }
    res.writeHead(body.ok ? 200 : 503, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
    return true;
  }
  if (path === '/metrics') {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(ops.metrics());
    return true;
  }
  return false;
}
