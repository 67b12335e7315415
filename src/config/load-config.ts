import { ConfigError } from '../core/errors.js';
import type { AppConfig, PlatformConfig } from './app-config.js';
import { envSchema, type RawEnv } from './schema.js';

const DEFAULT_STORE_URL = 'sqlite://data/charte-bot.sqlite';

/**
 * Reads the environment once and returns a validated config, or throws a `ConfigError` whose message
 * names each faulty variable and how to fix it. `env` is a parameter so tests never touch process.env.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const platform = pickPlatform(e, warnings);
  const generalChannel = e.GENERAL_CHANNEL || (platform.kind === 'mattermost' ? 'town-square' : 'general');
  if (!e.CHARTER_URL) warnings.push('CHARTER_URL is not set: reminders point to `/charte charte` instead of the published charter.');
  return {
    platform,
    port: e.PORT,
    host: e.HOST,
    storeUrl: e.STORE_URL ?? DEFAULT_STORE_URL,
    logLevel: e.LOG_LEVEL,
    warnings,
    core: {
      annoncesChannel: e.ANNONCES_CHANNEL,
      committeeChannel: e.COMMITTEE_CHANNEL,
      generalChannel,
      mode: e.MODE,
      charterUrl: e.CHARTER_URL,
      retentionDays: e.RETENTION_DAYS,
      cooldownDays: e.COOLDOWN_DAYS,
      locale: e.LOCALE,
    },
  };
}

function missing(name: string, why: string, fix: string): never {
  throw new ConfigError(`${name} is missing: ${why}. ${fix}`);
}

function pickPlatform(e: RawEnv, warnings: string[]): PlatformConfig {
  const wantsSlack = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET);
  const wantsMattermost = Boolean(e.MATTERMOST_URL || e.MATTERMOST_TOKEN);
  if (wantsSlack && wantsMattermost) {
    throw new ConfigError(
      'Both Slack (SLACK_*) and Mattermost (MATTERMOST_*) variables are set: one bot process serves one platform. Remove one set from the environment or .env.',
    );
  }
  if (wantsSlack) {
    const botToken =
      e.SLACK_BOT_TOKEN ??
      missing('SLACK_BOT_TOKEN', 'the Slack bot token is required', 'Find it in your Slack app settings › OAuth & Permissions › Bot User OAuth Token (xoxb-…).');
    if (e.SLACK_APP_TOKEN) return { kind: 'slack', mode: 'socket', botToken, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL };
    const signingSecret =
      e.SLACK_SIGNING_SECRET ??
      missing(
        'SLACK_SIGNING_SECRET',
        'Slack over HTTP needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)',
        'Find it in your Slack app settings › Basic Information › App Credentials › Signing Secret.',
      );
    return { kind: 'slack', mode: 'http', botToken, signingSecret, apiUrl: e.SLACK_API_URL };
  }
  if (wantsMattermost) {
    const url =
      e.MATTERMOST_URL ?? missing('MATTERMOST_URL', 'the Mattermost server address is required', 'Set it to your server, e.g. https://chat.example.coop.');
    const token =
      e.MATTERMOST_TOKEN ??
      missing('MATTERMOST_TOKEN', 'the bot account token is required', 'Create a bot account in System Console › Integrations › Bot Accounts and copy its token.');
    const team =
      e.MATTERMOST_TEAM ??
      missing('MATTERMOST_TEAM', 'the bot must know which team to watch', 'Set it to the team name as it appears in the URL (https://chat.example.coop/<team>).');
    if (!/^https?:\/\//.test(url)) throw new ConfigError(`MATTERMOST_URL must start with http:// or https:// (got "${url}").`);
    if (!e.MATTERMOST_COMMAND_TOKEN)
      warnings.push('MATTERMOST_COMMAND_TOKEN is not set: /charte requests will all be refused. Run `charte-bot setup mattermost` to create the command and get its token.');
    if (!e.BOT_PUBLIC_URL)
      warnings.push('BOT_PUBLIC_URL is not set: buttons in reminders cannot call the bot back. Set it to the address where Mattermost reaches this bot.');
    return { kind: 'mattermost', url: url.replace(/\/+$/, ''), token, team, commandToken: e.MATTERMOST_COMMAND_TOKEN, publicUrl: e.BOT_PUBLIC_URL?.replace(/\/+$/, '') };
  }
  return { kind: 'playground' };
}
