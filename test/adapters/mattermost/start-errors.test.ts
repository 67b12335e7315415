import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../../src/adapters/adapter-context.js';
import { startMattermost } from '../../../src/adapters/mattermost/start-mattermost.js';
import type { AppConfig } from '../../../src/config/app-config.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';
import { RecordingCore } from '../../fakes/mattermost/recording-core.js';
import { mattermostConfig } from './helpers.js';

describe('startMattermost says clearly what is wrong', () => {
  let fake: FakeMattermost;
  let built = 0;

  beforeEach(async () => {
    fake = await new FakeMattermost().start();
    built = 0;
  });
  afterEach(async () => {
    await fake.stop();
  });

  function ctxWith(platform: Partial<Extract<AppConfig['platform'], { kind: 'mattermost' }>>): AdapterContext {
    const base = mattermostConfig(fake);
    return {
      config: { ...base, platform: { ...(base.platform as Extract<AppConfig['platform'], { kind: 'mattermost' }>), ...platform } },
      log: silentLogger,
      clock: systemClock,
      buildCore: (p) => {
        built++;
        return new RecordingCore(p);
      },
      health: async () => ({ ok: true, checks: {} }),
    };
  }

  it('names MATTERMOST_TOKEN when the token is refused', async () => {
    await expect(startMattermost(ctxWith({ token: 'wrong-token-123456' }))).rejects.toThrow(/MATTERMOST_TOKEN was refused.*401/);
    expect(built).toBe(0);
    expect(fake.authentications).toHaveLength(0);
  });

  it('names MATTERMOST_TEAM when the team does not exist', async () => {
    await expect(startMattermost(ctxWith({ team: 'pas-une-equipe' }))).rejects.toThrow(/MATTERMOST_TEAM="pas-une-equipe" was not found/);
  });

  it('names MATTERMOST_URL when the server cannot be reached', async () => {
    const url = fake.url;
    await fake.stop();
    fake = await new FakeMattermost().start();
    await expect(startMattermost(ctxWith({ url: url.replace(/:\d+$/, ':1') }))).rejects.toThrow(/MATTERMOST_URL/);
  });
});
