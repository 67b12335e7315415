import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import { ConfigError, describeError } from '../../core/errors.js';
import { runTask } from '../../core/run-task.js';
import { handleOpsRoute, type OpsHandlers } from '../../ops/ops-routes.js';
import type { AdapterContext, HealthReport, RunningAdapter, StartAdapter } from '../adapter-context.js';
import { Redelivery } from './redelivery.js';
import { readMessageEvent, toIncomingMessage } from './slack-events.js';
import { registerActions, registerCommand, registerReport } from './slack-interactions.js';
import { toSlackLogger } from './slack-logger.js';
import { SlackPlatform, type SlackIdentity } from './slack-platform.js';
import { slackTexts } from './slack-texts.js';
import { createSlackWebClient, slackClientOptions, slackErrorCode, type RetryConfig } from './slack-web-client.js';

/** Test seams only; production uses the defaults. */
export interface StartSlackOptions {
  retryConfig?: RetryConfig;
  /** Delays before re-running an event whose handling failed. */
  redeliveryDelaysMs?: number[];
}

const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'token_expired']);

/**
 * Starts the Slack adapter: checks the bot token with `auth.test`, builds the platform and the core, then
 * listens over Socket Mode (when an app token is set) or HTTP (`POST /slack/events`, signatures checked).
 */
export async function startSlack(ctx: AdapterContext, options: StartSlackOptions = {}): Promise<RunningAdapter> {
  const cfg = ctx.config.platform;
  if (cfg.kind !== 'slack') throw new ConfigError('startSlack needs a Slack configuration (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN).');
  const log = ctx.log.child({ adapter: 'slack', mode: cfg.mode });
  const client = createSlackWebClient(cfg.botToken, cfg.apiUrl, log, options.retryConfig);
  const probe = createSlackWebClient(cfg.botToken, cfg.apiUrl, log, { retries: 0 });

  const identity = await whoAmI(client);
  log.info({ botUserId: identity.botUserId, team: identity.teamId }, 'connected to Slack Web API');
  const platform = new SlackPlatform(client, identity, ctx.clock, log, probe);
  const core = ctx.buildCore(platform);
  const texts = slackTexts(ctx.config.core.locale);

  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  const ops: OpsHandlers = { health: () => health(ctx, platform), metrics: () => ctx.metrics?.() ?? '' };
  const sdkLevel = ctx.config.logLevel === 'debug' || ctx.config.logLevel === 'trace' ? LogLevel.DEBUG : LogLevel.INFO;
  const sdkLogger = toSlackLogger(log.child({ component: 'bolt' }), sdkLevel);

  let receiver: Receiver;
  if (cfg.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: cfg.appToken,
      logger: sdkLogger,
      installerOptions: { clientOptions: slackClientOptions(cfg.apiUrl, log, options.retryConfig) },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: cfg.signingSecret,
      endpoints: '/slack/events',
      logger: sdkLogger,
      // Ack first, work after: Slack wants an answer within 3 s and the core may call the Web API.
      processBeforeResponse: false,
      // An event Bolt cannot process (malformed beyond parsing) would be retried by Slack for nothing
      // on a 5xx: log it and answer 200, like any event we choose to skip.
      processEventErrorHandler: async ({ error, response }) => {
        log.warn({ err: describeError(error) }, 'Slack event could not be processed; acknowledged and skipped');
        if (!response.headersSent) response.writeHead(200).end();
        return true;
      },
      customRoutes: ['/healthz', '/metrics'].map((path) => ({
        path,
        method: ['GET', 'HEAD'],
        handler: (req, res) => runTask(handleOpsRoute(req, res, ops), { log, description: `GET ${path}` }),
      })),
    });
  }

  const app = new App({
    token: cfg.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    logger: sdkLogger,
    clientOptions: slackClientOptions(cfg.apiUrl, log, options.retryConfig),
    ignoreSelf: true,
    // Bolt's default conversation store keeps per-conversation state in memory and costs a get/set on
    // every event; the bot keeps its own state in the store, so it is pure overhead here.
    convoStore: false,
  });
  app.error(async (err) => {
    log.error({ err: describeError(err) }, 'unhandled error in a Slack listener');
  });
  const redelivery = new Redelivery(log, options.redeliveryDelaysMs);
  wireMessages(app, core, platform, log, track, redelivery);
  const deps = { core, platform, log, texts, track };
  registerCommand(app, deps);
  registerActions(app, deps);
  registerReport(app, deps);

  // The core looks up #annonces and the committee channel, and says so when the bot can't see them.
  await core.start();

  let url: string | undefined;
  let sideServer: Server | undefined;
  const host = ctx.config.host ?? '0.0.0.0';
  if (cfg.mode === 'socket') {
    await app.start();
    sideServer = createServer((req, res) => {
      runTask(
        handleOpsRoute(req, res, ops).then((served) => {
          if (!served) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        }),
        { log, description: 'ops route' },
      );
    });
    const server = sideServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(ctx.config.port, host, () => resolve());
    });
    url = serverUrl(server, host);
    log.info({ url }, 'Slack Socket Mode connected; /healthz served');
  } else {
    const server = (await app.start({ port: ctx.config.port, host })) as Server;
    url = serverUrl(server, host);
    log.info({ url: `${url}/slack/events` }, 'Slack HTTP receiver listening');
  }

  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      redelivery.stop();
      await app.stop().catch((err: unknown) => log.warn({ err: describeError(err) }, 'Slack receiver did not stop cleanly'));
      await Promise.allSettled([...inFlight]);
      if (sideServer) {
        const server = sideServer;
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      log.info({}, 'Slack adapter stopped');
    },
  };
}

/** `auth.test`: who the bot is. A refused token becomes a message that says which variable to fix. */
async function whoAmI(client: ReturnType<typeof createSlackWebClient>): Promise<SlackIdentity> {
  try {
    const res = await client.auth.test();
    if (!res.user_id) throw new ConfigError('Slack auth.test did not return the bot user id: is SLACK_BOT_TOKEN a bot token (xoxb-…)?');
    return { botUserId: res.user_id, botId: res.bot_id, teamId: res.team_id, teamUrl: res.url };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = slackErrorCode(err);
    if (code && TOKEN_REFUSED.has(code)) {
      throw new ConfigError(
        `SLACK_BOT_TOKEN was refused by Slack (${code}). Copy the Bot User OAuth Token (xoxb-…) from your Slack app settings › OAuth & Permissions, and reinstall the app if it was revoked.`,
      );
    }
    throw err;
  }
}

function wireMessages(
  app: App,
  core: BotCore,
  platform: SlackPlatform,
  log: AdapterContext['log'],
  track: <T>(work: Promise<T>) => Promise<T>,
  redelivery: Redelivery,
): void {
  // A retry can land while the first delivery is still being worked on; the core dedupes finished
  // events in its store, this set covers the window before it has recorded one.
  const working = new Set<string>();
  const onMessage = async (body: unknown) => {
    const read = readMessageEvent(body, platform.identity.botUserId, platform.identity.botId);
    if (read.kind === 'skip') {
      const eventId = typeof (body as { event_id?: unknown }).event_id === 'string' ? (body as { event_id: string }).event_id : undefined;
      log.debug({ eventId, reason: read.reason }, 'Slack message event skipped');
      return;
    }
    if (read.kind === 'deleted') {
      const deleted = read.event;
      await track(redelivery.run(`deleted:${deleted.channelId}:${deleted.messageId}`, () => core.handleMessageDeleted(deleted)));
      return;
    }
    if (working.has(read.eventId)) {
      log.info({ eventId: read.eventId }, 'Slack redelivered an event still in progress; ignored');
      return;
    }
    working.add(read.eventId);
    try {
      await track(
        redelivery.run(read.eventId, async () => {
          const completed = await toIncomingMessage(read, platform);
          if ('skip' in completed) {
            log.debug({ eventId: read.eventId, reason: completed.skip }, 'Slack message skipped');
            return;
          }
          await core.handleMessage(completed.message);
        }),
      );
    } finally {
      working.delete(read.eventId);
    }
  };
  // A global middleware rather than `app.event('message')`: message events are nearly all the traffic,
  // and answering them here spares Bolt running every listener chain (commands, actions, views…) on
  // each one. Anything else goes on to those listeners through next().
  app.use(async ({ body, next }) => {
    const event = (body as { type?: unknown; event?: { type?: unknown } }).event;
    if ((body as { type?: unknown }).type !== 'event_callback' || event?.type !== 'message') {
      await next();
      return;
    }
    await onMessage(body);
  });
}

async function health(ctx: AdapterContext, platform: SlackPlatform): Promise<HealthReport> {
  const [base, slack] = await Promise.all([
    ctx.health().catch((err: unknown): HealthReport => ({ ok: false, checks: { app: { ok: false, detail: describeError(err).message } } })),
    platform.check(),
  ]);
  return { ok: base.ok && slack.ok, checks: { ...base.checks, slack } };
}

function serverUrl(server: Server, host: string): string {
  const address = server.address() as AddressInfo | null;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shownHost}:${address?.port ?? ''}`;
}

// The composition root calls it as a plain `StartAdapter`.
startSlack satisfies StartAdapter;
