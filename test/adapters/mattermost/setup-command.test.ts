import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupCommand } from '../../../src/cli/setup-command.js';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';

describe('charte-bot setup mattermost', () => {
  let fake: FakeMattermost;
  let out: string;
  let err: string;
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const env = () => ({ MATTERMOST_URL: fake.url, MATTERMOST_TEAM: 'coop', MATTERMOST_ADMIN_TOKEN: fake.adminToken, BOT_PUBLIC_URL: 'https://bot.example.coop/' });

  beforeEach(async () => {
    fake = await new FakeMattermost().start();
    out = '';
    err = '';
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('creates /charte as a POST command to BOT_PUBLIC_URL and prints the .env line', async () => {
    expect(await setupCommand(['mattermost'], env(), io)).toBe(0);
    expect(fake.state.commands).toHaveLength(1);
    const cmd = fake.state.commands[0];
    expect(cmd).toMatchObject({ trigger: 'charte', method: 'P', url: 'https://bot.example.coop/mattermost/command', auto_complete: true, team_id: fake.state.team.id });
    expect(cmd.auto_complete_hint).not.toBe('');
    expect(out).toContain(`MATTERMOST_COMMAND_TOKEN=${cmd.token}`);
  });

  it('is idempotent: a second run creates nothing and prints the existing token', async () => {
    await setupCommand(['mattermost'], env(), io);
    out = '';
    expect(await setupCommand(['mattermost'], env(), io)).toBe(0);
    expect(fake.state.commands).toHaveLength(1);
    expect(out).toMatch(/already exists/);
    expect(out).toContain(`MATTERMOST_COMMAND_TOKEN=${fake.state.commands[0].token}`);
  });

  it('--admin-token wins over the environment, and a refused token is explained', async () => {
    expect(await setupCommand(['mattermost', '--admin-token', 'not-a-token'], env(), io)).toBe(1);
    expect(err).toMatch(/admin token was refused.*401/);
    expect(fake.state.commands).toHaveLength(0);
  });

  it('says which variables are missing', async () => {
    expect(await setupCommand(['mattermost'], { MATTERMOST_URL: fake.url }, io)).toBe(1);
    expect(err).toMatch(/MATTERMOST_TEAM/);
    expect(err).toMatch(/MATTERMOST_ADMIN_TOKEN/);
    expect(err).toMatch(/BOT_PUBLIC_URL/);
  });

  it('refuses a bot token that may not manage commands, and an unknown team', async () => {
    expect(await setupCommand(['mattermost', '--admin-token', fake.botToken], env(), io)).toBe(1);
    expect(err).toMatch(/403/);
    err = '';
    expect(await setupCommand(['mattermost', '--team', 'nope'], env(), io)).toBe(1);
    expect(err).toMatch(/team "nope" was not found/);
  });
});
