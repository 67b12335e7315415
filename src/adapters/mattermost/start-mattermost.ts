import type { AddressInfo } from 'node:net';
import type { AdapterContext, RunningAdapter, StartAdapter } from '../adapter-context.js';
import { ConfigError, describeError } from '../../core/errors.js';
import { ActionSigner } from './action-signer.js';
import { createMattermostHttpServer } from './mattermost-http-server.js';
import { MattermostIntake } from './mattermost-intake.js';
import { MattermostPlatform } from './mattermost-platform.js';
import { createMattermostClient, installWebSocketGlobals, statusOf, type MattermostClient } from './mattermost-sdk.js';

/** Knobs for tests (fast reconnects); production uses the defaults. */
export interface MattermostTuning {
  minRetryMs?: number;
  retryJitterMs?: number;
  connectTimeoutMs?: number;
}

/** `StartAdapter` for `MATTERMOST_*`: checks the token and team, serves HTTP, listens on the WebSocket. */
export const startMattermost: StartAdapter = (ctx) => startMattermostWith(ctx, {});

export async function startMattermostWith(ctx: AdapterContext, tuning: MattermostTuning): Promise<RunningAdapter> {
  const cfg = ctx.config.platform;
  if (cfg.kind !== 'mattermost') throw new ConfigError(`startMattermost needs a Mattermost configuration (got "${cfg.kind}").`);
  const log = ctx.log.child({ adapter: 'mattermost' });
  installWebSocketGlobals();

  const client = createMattermostClient(cfg.url, cfg.token);
  const { botUserId, botName } = await checkToken(client, cfg.url);
  const team = await findTeam(client, cfg.team);
  log.info({ bot: botName, team: team.name }, 'mattermost token and team checked');

  const actionUrl = cfg.publicUrl ? `${cfg.publicUrl}/mattermost/action` : undefined;
  const signer = new ActionSigner(cfg.token);
  const platform = new MattermostPlatform({
    client,
    url: cfg.url,
    teamId: team.id,
    teamName: team.name,
    botUserId,
    actionUrl,
    signer,
    clock: ctx.clock,
    log,
  });
  const core = ctx.buildCore(platform);
  const intake = new MattermostIntake({
    client,
    platform,
    core,
    token: cfg.token,
    log,
    minRetryMs: tuning.minRetryMs,
    retryJitterMs: tuning.retryJitterMs,
    connectTimeoutMs: tuning.connectTimeoutMs,
  });

  const server = createMattermostHttpServer({
    ctx,
    platform,
    core,
    signer,
    commandToken: cfg.commandToken,
    actionUrl,
    log,
    mattermostCheck: () =>
      intake.connected
        ? { ok: true, detail: 'websocket authenticated' }
        : { ok: false, detail: `websocket down since ${new Date(intake.disconnectedSince ?? Date.now()).toISOString()}, reconnecting` },
  });
  const host = ctx.config.host ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.config.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  log.info({ host, port: address.port }, 'mattermost http endpoints listening');

  // Housekeeping ticks belong to the composition root (src/app/start-bot.ts), not to the adapter.
  try {
    await core.start();
    await intake.connect();
  } catch (err) {
    await intake.stop().catch(() => undefined);
    await closeServer(server);
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    stop: () =>
      (stopping ??= (async () => {
        await intake.stop();
        await closeServer(server);
        log.info({}, 'mattermost adapter stopped');
      })()),
  };
}

async function checkToken(client: MattermostClient, url: string): Promise<{ botUserId: string; botName: string }> {
  try {
    const me = await client.getMe();
    return { botUserId: me.id, botName: me.username };
  } catch (err) {
    const status = statusOf(err);
    if (status === 401 || status === 403) {
      throw new ConfigError(
        `MATTERMOST_TOKEN was refused by ${url} (HTTP ${status}). Copy the bot account's access token again from System Console › Integrations › Bot Accounts.`,
      );
    }
    if (status === undefined) {
      throw new ConfigError(`Cannot reach Mattermost at MATTERMOST_URL=${url} (${describeError(err).message}). Check the address and that the server is up.`);
    }
    throw new ConfigError(`Mattermost at ${url} answered HTTP ${status} to GET /users/me; is MATTERMOST_URL a Mattermost server?`);
  }
}

async function findTeam(client: MattermostClient, name: string): Promise<{ id: string; name: string }> {
  try {
    const team = await client.getTeamByName(name);
    return { id: team.id, name: team.name };
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 403) {
      throw new ConfigError(
        `MATTERMOST_TEAM="${name}" was not found, or the bot is not a member of it. Use the team name from the URL (https://chat.example.coop/<team>) and add the bot account to that team.`,
      );
    }
    throw new ConfigError(`Could not look up MATTERMOST_TEAM="${name}" (${describeError(err).message}).`);
  }
}

function closeServer(server: import('node:http').Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
