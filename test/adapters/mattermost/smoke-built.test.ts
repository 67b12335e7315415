import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeMattermost } from '../../fakes/mattermost/fake-mattermost.js';
import { COMMAND_TOKEN, eventually, freePort, mattermostEnv } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; rebuild here only when dist/ is missing or older than src/ (running this file alone). */
function buildIfStale(): void {
  const entry = `${root}dist/cli/main.js`;
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(`${root}src`)) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'ignore' });
}

/**
 * Runs the BUILT code with plain `node`: `import { Client4 } from '@mattermost/client'` passes vitest
 * and crashes node (stack-notes §8), so only this test guards the default-import workaround.
 */
describe('built Mattermost adapter under plain node', () => {
  let child: ChildProcess | undefined;
  let fake: FakeMattermost | undefined;

  afterEach(async () => {
    child?.kill('SIGKILL');
    await fake?.stop();
  });

  it('`node bin/charte-bot.js start` with MATTERMOST_* opens an authenticated WebSocket', async () => {
    // Other areas' transient type errors must not hide ours, so judge by the emitted files.
    buildIfStale();
    expect(existsSync(`${root}dist/adapters/mattermost/start-mattermost.js`)).toBe(true);

    fake = await new FakeMattermost().start();
    const port = await freePort();
    let stderr = '';
    let stdout = '';
    child = spawn(process.execPath, ['bin/charte-bot.js', 'start'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...mattermostEnv(fake, port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    const outcome = await Promise.race([eventually(() => fake!.authenticatedSockets > 0, 20_000).then(() => 'connected'), exited.then((c) => `exited ${c}: ${stderr}`)]);
    expect(outcome).toBe('connected');
    expect(fake.authentications[0].userId).toBe(fake.state.bot.id);
    const health = await eventually(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return res?.status === 200 && res;
    }, 5000);
    expect(health.status).toBe(200);
    await eventually(() => stdout.includes('connected to mattermost'), 5000);
    expect(stderr).toContain('mattermost websocket authenticated');
    expect(stderr + stdout).not.toContain(fake.botToken);
    expect(stderr + stdout).not.toContain(COMMAND_TOKEN);
    // Graceful stop: intake, HTTP server and socket close, the process exits 0.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
