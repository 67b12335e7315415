import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { ConfigError } from '../../core/errors.js';
import type { AdapterContext, HealthReport, RunningAdapter, StartAdapter } from '../adapter-context.js';
import { PlaygroundApi } from './playground-api.js';
import { PlaygroundEvents } from './playground-events.js';
import { PlaygroundPlatform } from './playground-platform.js';
import { createPlaygroundServer } from './playground-server.js';
import { loadWorkspaceFile, stateFileFor, WorkspaceFileWriter } from './playground-state-file.js';
import { PlaygroundWorkspace } from './playground-workspace.js';

export interface PlaygroundOptions {
  /** Where the workspace is saved; `null` keeps it in memory only. Default: next to the store (`./data/playground.json`). */
  stateFile?: string | null;
  /** Folder of the page's files (tests only). */
  staticDir?: string;
}

export interface RunningPlayground extends RunningAdapter {
  url: string;
  port: number;
  workspace: PlaygroundWorkspace;
}

/** The embedded default: with no Slack or Mattermost configured, a chat workspace in the browser. */
export const startPlayground: StartAdapter = (ctx) => createPlayground(ctx);

export async function createPlayground(ctx: AdapterContext, options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const log = ctx.log;
  const { core: coreConfig } = ctx.config;
  const stateFile = options.stateFile === null ? undefined : (options.stateFile ?? stateFileFor(ctx.config.storeUrl));
  const channels = { general: coreConfig.generalChannel, annonces: coreConfig.annoncesChannel, committee: coreConfig.committeeChannel };
  const wsOptions = { channels, now: () => ctx.clock.now() };

  const saved = stateFile ? await loadWorkspaceFile(stateFile, log) : undefined;
  // A saved workspace made for other channel names (config changed) would hide them: start over.
  const usable = Object.values(channels).every((id) => saved?.channels.some((c) => c.id === id)) ? saved : undefined;
  const workspace = usable ? new PlaygroundWorkspace(usable, wsOptions) : PlaygroundWorkspace.fresh(wsOptions);
  const writer = stateFile ? new WorkspaceFileWriter(stateFile, () => workspace.snapshot(), log) : undefined;
  if (!usable) writer?.schedule(); // creates ./data on first start

  const events = new PlaygroundEvents();
  workspace.onChange(() => {
    writer?.schedule();
    events.changed();
  });

  let baseUrl: string | undefined;
  const platform = new PlaygroundPlatform(workspace, () => baseUrl);
  const core = ctx.buildCore(platform);
  await core.start();

  const api = new PlaygroundApi({
    workspace,
    platform,
    core,
    clock: ctx.clock,
    log,
    locale: coreConfig.locale,
    annoncesChannel: coreConfig.annoncesChannel,
  });
  const health = async (): Promise<HealthReport> => {
    const report = await ctx.health();
    const saving = writer?.lastError ? { ok: false, detail: `cannot save the workspace: ${writer.lastError}` } : { ok: true };
    const checks = { ...report.checks, playground: saving };
    return { ok: report.ok && saving.ok, checks };
  };
  const server = createPlaygroundServer({ api, events, health, metrics: ctx.metrics?.bind(ctx), log, staticDir: options.staticDir });

  const host = ctx.config.host ?? '127.0.0.1';
  server.listen(ctx.config.port, host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err))]);
  } catch (err) {
    events.close();
    await writer?.flush();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`Port ${ctx.config.port} is already in use on ${host}: stop the other program or set PORT to a free port (e.g. PORT=3001).`);
    }
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${port}`;
  log.info({ url: baseUrl, stateFile: stateFile ?? 'memory' }, 'playground listening');

  return {
    url: baseUrl,
    port,
    workspace,
    async stop() {
      events.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests get a moment to finish; then keep-alive sockets are cut so stop() ends.
      const cut = setTimeout(() => server.closeAllConnections(), 2_000);
      cut.unref();
      await closed;
      clearTimeout(cut);
      await writer?.flush();
    },
  };
}
