import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPORT_CALLBACK_ID } from '../../../src/adapters/slack/slack-report-modal.js';
import { toYaml, withoutComments } from './to-yaml.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const json = JSON.parse(readFileSync(`${root}manifests/slack/manifest.json`, 'utf8')) as Record<string, any>;
const yaml = readFileSync(`${root}manifests/slack/manifest.yml`, 'utf8');
const SCHEMAS = fileURLToPath(new URL('../../../../shared/fixtures/slack/manifest-schema/', import.meta.url));
const SCHEMA_BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

describe('Slack app manifest', () => {
  it('manifest.yml says exactly what manifest.json says (comments aside)', () => {
    expect(withoutComments(yaml)).toBe(toYaml(json));
  });

  it('declares what the adapter serves: /charte, the report shortcut, interactivity and message events', () => {
    expect(json.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/charte']);
    expect(json.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: REPORT_CALLBACK_ID, name: 'Signaler au comité' })]);
    expect(json.settings.interactivity.is_enabled).toBe(true);
    expect(json.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['message.channels', 'message.groups']));
    // Events, commands and interactivity share Bolt's one endpoint.
    const urls = [json.features.slash_commands[0].url, json.settings.event_subscriptions.request_url, json.settings.interactivity.request_url];
    expect(urls.every((u: string) => u.endsWith('/slack/events'))).toBe(true);
  });

  it('asks for the scopes of every Web API method the adapter calls, and no DM-reading scope', () => {
    const scopes = json.oauth_config.scopes.bot as string[];
    // chat.postMessage/update/postEphemeral, conversations.open, history/replies, info/list/members, users.info/list, /charte.
    for (const s of ['chat:write', 'im:write', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'users:read', 'commands']) {
      expect(scopes).toContain(s);
    }
    expect(scopes).not.toContain('im:history');
    expect(scopes).not.toContain('mpim:history');
  });

  describe.skipIf(!existsSync(SCHEMAS))("against Slack's manifest schema (../shared)", () => {
    // Built lazily: vitest still runs a skipped suite's body to collect its tests, and a fresh clone
    // has no ../shared to read the schema from.
    const load = (f: string) => JSON.parse(readFileSync(`${SCHEMAS}${f}`, 'utf8')) as object;
    let compiled: ReturnType<Ajv['compile']> | undefined;
    const validate = (data: unknown) => {
      if (!compiled) {
        const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
        ajv.addSchema(load('manifest.schema.1.0.0.json'), `${SCHEMA_BASE}manifest.schema.1.0.0.json`);
        ajv.addSchema(load('manifest.schema.2.0.0.json'), `${SCHEMA_BASE}manifest.schema.2.0.0.json`);
        compiled = ajv.compile(load('manifest.schema.json'));
      }
      const ok = compiled(data);
      validate.errors = compiled.errors;
      return ok;
    };
    validate.errors = undefined as unknown;

    it('the schema accepts its own valid sample and refuses its invalid one (the check can fail)', () => {
      expect(validate(load('v1-manifest.valid.json'))).toBe(true);
      expect(validate(load('v1-manifest.invalid.json'))).toBe(false);
    });

    it('manifest.json is valid', () => {
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    });

    it('the Socket Mode variant the comments describe is valid too', () => {
      const socket = structuredClone(json);
      socket.settings.socket_mode_enabled = true;
      delete socket.settings.event_subscriptions.request_url;
      delete socket.settings.interactivity.request_url;
      delete socket.features.slash_commands[0].url;
      expect(validate(socket), JSON.stringify(validate.errors)).toBe(true);
    });
  });
});
