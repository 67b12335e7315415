import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createMattermostClient, statusOf, type MattermostClient } from '../adapters/mattermost/mattermost-sdk.js';

const USAGE = `Usage: charte-bot setup mattermost [--admin-token TOKEN] [--url URL] [--team NAME] [--public-url URL]

Creates the custom slash command /charte on your Mattermost team and prints the line to put in .env.
Reads MATTERMOST_URL, MATTERMOST_TEAM, MATTERMOST_ADMIN_TOKEN and BOT_PUBLIC_URL from the environment
(or .env) when the options are not given. The admin token is a personal access token of a system admin
(Profile › Security › Personal Access Tokens); it is used once and not stored.
`;

const TRIGGER = 'charte';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * `charte-bot setup mattermost`: idempotent. When /charte already exists on the team it says so and
 * prints the existing token (and warns if it points to another address) instead of creating a twin.
 */
export async function setupCommand(args: string[], env?: Record<string, string | undefined>, io: Io = defaultIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'admin-token': { type: 'string' }, url: { type: 'string' }, team: { type: 'string' }, 'public-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    io.err(`charte-bot setup: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals[0] !== 'mattermost') {
    io.err(`charte-bot setup: only "mattermost" can be set up this way (Slack uses the app manifest).\n\n${USAGE}`);
    return 2;
  }
  const e = env ?? (await loadDotEnv());
  const pick = (option: string, name: string) => (typeof values[option] === 'string' ? (values[option] as string) : e[name])?.trim() || undefined;
  const url = pick('url', 'MATTERMOST_URL')?.replace(/\/+$/, '');
  const team = pick('team', 'MATTERMOST_TEAM');
  const adminToken = pick('admin-token', 'MATTERMOST_ADMIN_TOKEN');
  const publicUrl = pick('public-url', 'BOT_PUBLIC_URL')?.replace(/\/+$/, '');
  const missing = [
    !url && 'MATTERMOST_URL (--url): your server, e.g. https://chat.example.coop',
    !team && 'MATTERMOST_TEAM (--team): the team name from the URL',
    !adminToken && 'MATTERMOST_ADMIN_TOKEN (--admin-token): a system admin personal access token',
    !publicUrl && 'BOT_PUBLIC_URL (--public-url): where Mattermost reaches the bot, e.g. https://charte-bot.example.coop',
  ].filter(Boolean);
  if (missing.length > 0 || !url || !team || !adminToken || !publicUrl) {
    io.err(`charte-bot setup mattermost: missing\n${missing.map((m) => `- ${m}`).join('\n')}\n`);
    return 1;
  }
  if (!/^https?:\/\//.test(url) || !/^https?:\/\//.test(publicUrl)) {
    io.err('charte-bot setup mattermost: MATTERMOST_URL and BOT_PUBLIC_URL must start with http:// or https://\n');
    return 1;
  }

  const client = createMattermostClient(url, adminToken);
  const commandUrl = `${publicUrl}/mattermost/command`;
  try {
    await client.getMe();
    const teamInfo = await client.getTeamByName(team);
    const existing = (await client.getCustomTeamCommands(teamInfo.id)).find((c) => c.trigger === TRIGGER && !c.delete_at);
    if (existing) {
      io.out(`/${TRIGGER} already exists on team "${team}" (nothing created).\n`);
      if (existing.url !== commandUrl) {
        io.err(`Warning: it calls ${existing.url}, not ${commandUrl}. Edit it in Integrations › Slash Commands if the bot moved.\n`);
      }
      io.out(`Put this line in .env:\nMATTERMOST_COMMAND_TOKEN=${existing.token}\n`);
      return 0;
    }
    const created = await createCommand(client, teamInfo.id, commandUrl);
    io.out(`/${TRIGGER} created on team "${team}"; Mattermost will POST it to ${commandUrl}.\n`);
    io.out(`Put this line in .env:\nMATTERMOST_COMMAND_TOKEN=${created.token}\n`);
    return 0;
  } catch (err) {
    io.err(`charte-bot setup mattermost: ${explain(err, url, team)}\n`);
    return 1;
  }
}

/** The command definition lives in the install kit, so the manual path and this command can't drift. */
function readManifest(): Record<string, unknown> {
  // Same relative path from src/cli and dist/cli.
  const file = new URL('../../manifests/mattermost/slash-command.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function createCommand(client: MattermostClient, teamId: string, commandUrl: string) {
  return client.addCommand({ ...readManifest(), trigger: TRIGGER, method: 'P', url: commandUrl, team_id: teamId } as unknown as Parameters<
    MattermostClient['addCommand']
  >[0]);
}

function explain(err: unknown, url: string, team: string): string {
  const status = statusOf(err);
  if (status === 401) return `the admin token was refused by ${url} (401). Create a personal access token for a system admin and pass it with --admin-token or MATTERMOST_ADMIN_TOKEN.`;
  if (status === 403) return `the admin token may not manage slash commands on "${team}" (403). Use a system admin's token, or enable custom slash commands (System Console › Integrations).`;
  if (status === 404) return `team "${team}" was not found on ${url}: use the team name from the URL (MATTERMOST_TEAM).`;
  if (status === undefined) return `cannot reach ${url} (${err instanceof Error ? err.message : String(err)}). Check MATTERMOST_URL.`;
  return `Mattermost answered HTTP ${status}: ${err instanceof Error ? err.message : String(err)}`;
}

async function loadDotEnv(): Promise<Record<string, string | undefined>> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return process.env;
}
