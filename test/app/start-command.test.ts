import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/charte-bot.js');

/** Runs the built CLI with a clean environment (no .env from the repo: cwd is a temp dir). */
function run(env: Record<string, string>, untilLine?: RegExp, timeoutMs = 15_000) {
  const cwd = mkdtempSync(join(tmpdir(), 'charte-start-'));
  const child = spawn(process.execPath, [BIN, 'start'], { cwd, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  const ready = new Promise<string>((resolve, reject) => {
    if (!untilLine) return resolve('');
    child.stdout.on('data', () => {
      const m = stdout.match(untilLine);
      if (m) resolve(m[0]);
    });
    child.on('exit', () => reject(new Error(`exited before ready: ${stderr}`)));
  });
  return { child, done, ready };
}

describe('charte-bot start', () => {
  it('with no platform configured, serves the playground and prints its address in one line', async () => {
    const { child, done, ready } = run({ PORT: '0', STORE_URL: 'memory://' }, /http:\/\/127\.0\.0\.1:\d+/);
    const url = await ready;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('chartebot_events_total');
    child.kill('SIGTERM');
    const { code, stdout } = await done;
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(0); // graceful shutdown on SIGTERM
  });

  it('exits non-zero with a clear message when the store is unreachable', async () => {
    const { done } = run({ PORT: '0', STORE_URL: 'redis://127.0.0.1:1' });
    const { code, stderr } = await done;
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/cannot start/);
    expect(stderr).toMatch(/STORE_URL/);
  });

  it('exits non-zero naming the missing variable for a half-configured Slack', async () => {
    const { done } = run({ SLACK_BOT_TOKEN: 'xoxb-test-token' });
    const { code, stderr } = await done;
    expect(code).toBe(1);
    expect(stderr).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(stderr).not.toContain('xoxb-test-token');
  });
});
