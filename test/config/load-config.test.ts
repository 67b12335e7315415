import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';

describe('loadConfig', () => {
  it('starts the playground with defaults when no platform is configured', () => {
    const config = loadConfig({});
    expect(config.platform).toEqual({ kind: 'playground' });
    expect(config.port).toBe(3000);
    expect(config.core).toMatchObject({ annoncesChannel: 'annonces', committeeChannel: 'comite-charte', mode: 'actif', locale: 'fr', retentionDays: 90 });
    expect(config.storeUrl).toMatch(/^sqlite:\/\/data\//);
  });

  it('picks Slack over HTTP with a signing secret, and Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '4000' }).platform).toMatchObject({ kind: 'slack', mode: 'http' });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).platform).toMatchObject({ kind: 'slack', mode: 'socket' });
  });

  it('names the missing variable and where to find it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is missing.*Signing Secret/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN is missing.*OAuth/);
    expect(() => loadConfig({ MATTERMOST_URL: 'https://chat.example.coop', MATTERMOST_TOKEN: 't' })).toThrow(/MATTERMOST_TEAM is missing/);
    expect(() => loadConfig({ MATTERMOST_URL: 'https://x', MATTERMOST_TEAM: 'coop' })).toThrow(ConfigError);
  });

  it('rejects malformed values with the variable name and the accepted values', () => {
    expect(() => loadConfig({ MODE: 'strict' })).toThrow(/MODE must be "actif" or "observation"/);
    expect(() => loadConfig({ RETENTION_DAYS: '-3' })).toThrow(/RETENTION_DAYS must be a whole number of at least 1/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOCALE: 'de' })).toThrow(/LOCALE/);
  });

  it('refuses a double configuration instead of guessing', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'y', MATTERMOST_URL: 'https://m', MATTERMOST_TOKEN: 't', MATTERMOST_TEAM: 'c' })).toThrow(/one bot process serves one platform/);
  });

  it('strips # and ~ from channel names and uses town-square as Mattermost general channel', () => {
    const config = loadConfig({ MATTERMOST_URL: 'https://m/', MATTERMOST_TOKEN: 't', MATTERMOST_TEAM: 'coop', ANNONCES_CHANNEL: '~pubs', COMMITTEE_CHANNEL: '#ethique' });
    expect(config.core.annoncesChannel).toBe('pubs');
    expect(config.core.committeeChannel).toBe('ethique');
    expect(config.core.generalChannel).toBe('town-square');
    expect(config.platform).toMatchObject({ url: 'https://m' });
    expect(config.warnings.join(' ')).toMatch(/MATTERMOST_COMMAND_TOKEN/);
  });

  it('accepts the observation mode and English', () => {
    const config = loadConfig({ MODE: 'observation', LOCALE: 'en' });
    expect(config.core.mode).toBe('observation');
    expect(config.core.locale).toBe('en');
  });
});
