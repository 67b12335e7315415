// Smoke script run with PLAIN node against dist/ (not vitest): catches the @mattermost/client
// named-import trap, which type-checks and passes under vitest but crashes under node.
// Used until `charte-bot start` (the composition root) is available; the smoke test prefers the bin.
import { startMattermost } from '../../../dist/adapters/mattermost/start-mattermost.js';

const env = process.env;
const core = {
  start: async () => {},
  handleMessage: async () => {},
  handleMessageDeleted: async () => {},
  handleCommand: async () => ({ visibility: 'ephemeral', message: { text: 'ok' } }),
  handleAction: async () => ({}),
  handleReport: async () => ({ visibility: 'ephemeral', message: { text: 'ok' } }),
  tick: async () => {},
};
const log = { debug() {}, info: (f, m) => process.stderr.write(`${m}\n`), warn: (f, m) => process.stderr.write(`${m}\n`), error: (f, m) => process.stderr.write(`${m}\n`) };
log.child = () => log;
const adapter = await startMattermost({
  config: {
    platform: { kind: 'mattermost', url: env.MATTERMOST_URL, token: env.MATTERMOST_TOKEN, team: env.MATTERMOST_TEAM, commandToken: env.MATTERMOST_COMMAND_TOKEN, publicUrl: env.BOT_PUBLIC_URL },
    port: Number(env.PORT ?? 0),
    host: '127.0.0.1',
    storeUrl: 'memory://',
    logLevel: 'info',
    core: { annoncesChannel: 'annonces', committeeChannel: 'comite-charte', generalChannel: 'town-square', mode: 'actif', retentionDays: 90, locale: 'fr', cooldownDays: 7 },
    warnings: [],
  },
  log,
  clock: { now: () => Date.now() },
  buildCore: () => core,
  health: async () => ({ ok: true, checks: {} }),
});
process.stderr.write(`smoke: started at ${adapter.url}\n`);
process.on('SIGTERM', () => adapter.stop().then(() => process.exit(0)));
