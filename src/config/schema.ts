import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const positiveInt = (name: string, fallback: number, min = 1) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of at least ${min} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const channelName = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v.replace(/^[#~]/, '')));

/**
 * Every environment variable of the outside contract (design.md), validated once at start-up.
 * `.describe()` texts are the fixes shown to the person starting the bot.
 */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.describe('Slack bot token (xoxb-…): Slack app settings › OAuth & Permissions › Bot User OAuth Token'),
  SLACK_APP_TOKEN: optionalText.describe('Slack app-level token (xapp-…) with connections:write, for Socket Mode: Basic Information › App-Level Tokens'),
  SLACK_SIGNING_SECRET: optionalText.describe('Slack signing secret, for HTTP mode: Basic Information › App Credentials › Signing Secret'),
  SLACK_API_URL: optionalText.describe('Slack Web API base URL, e.g. https://slack.com/api/ (tests and proxies only)'),
  MATTERMOST_URL: optionalText.describe('Mattermost server URL, e.g. https://chat.example.coop'),
  MATTERMOST_TOKEN: optionalText.describe('Mattermost bot account access token: System Console › Bot Accounts'),
  MATTERMOST_TEAM: optionalText.describe('Mattermost team name (the part of the URL after the server)'),
  MATTERMOST_COMMAND_TOKEN: optionalText.describe('Token Mattermost shows when the /charte slash command is created (or run `charte-bot setup mattermost`)'),
  BOT_PUBLIC_URL: optionalText.describe('Address where Mattermost reaches this bot, e.g. https://charte-bot.example.coop'),
  // PORT=0 asks the system for a free port (tests, several local playgrounds).
  PORT: positiveInt('PORT', 3000, 0),
  HOST: optionalText.describe('Interface to listen on (default 0.0.0.0 for Slack/Mattermost, 127.0.0.1 for the playground)'),
  ANNONCES_CHANNEL: channelName('annonces'),
  COMMITTEE_CHANNEL: channelName('comite-charte'),
  GENERAL_CHANNEL: channelName(''),
  STORE_URL: optionalText.describe('Store: a file path or sqlite://path (default ./data/charte-bot.sqlite), redis://…, postgres://…'),
  MODE: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const m = (v ?? '').toLowerCase();
      if (m === '' || m === 'actif' || m === 'active' || m === 'enforce') return 'actif' as const;
      if (m === 'observation' || m === 'observe' || m === 'shadow') return 'observation' as const;
      ctx.addIssue({ code: 'custom', message: `MODE must be "actif" or "observation" (got "${v}")` });
      return z.NEVER;
    }),
  CHARTER_URL: optionalText.describe('Public address of the charter, linked from every reminder'),
  RETENTION_DAYS: positiveInt('RETENTION_DAYS', 90),
  COOLDOWN_DAYS: positiveInt('COOLDOWN_DAYS', 7),
  LOCALE: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const l = (v ?? '').toLowerCase();
      if (l === '' || l.startsWith('fr')) return 'fr' as const;
      if (l.startsWith('en')) return 'en' as const;
      ctx.addIssue({ code: 'custom', message: `LOCALE must be "fr" or "en" (got "${v}")` });
      return z.NEVER;
    }),
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const l = (v ?? '').toLowerCase() || 'info';
      if (['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(l)) return l;
      ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of trace, debug, info, warn, error, silent (got "${v}")` });
      return z.NEVER;
    }),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Names whose values must never be printed. */
export const SECRET_NAMES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'MATTERMOST_TOKEN',
  'MATTERMOST_COMMAND_TOKEN',
] as const;
