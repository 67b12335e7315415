import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stateFileFor } from '../../../src/adapters/playground/playground-state-file.js';
import { startTestPlayground, type TestPlayground } from './playground-test-context.js';

const started: TestPlayground[] = [];
async function start(...args: Parameters<typeof startTestPlayground>) {
  const pg = await startTestPlayground(...args);
  started.push(pg);
  return pg;
}
afterEach(async () => {
  for (const pg of started.splice(0)) await pg.running.stop();
});

describe('playground server', () => {
  it('listens on 127.0.0.1 and serves the page with a strict content security policy', async () => {
    const pg = await start();
    expect(pg.running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${pg.running.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/https?:\/\/(?!127)/); // nothing from a CDN
    const js = await fetch(`${pg.running.url}/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('serves nothing outside its static folder', async () => {
    const pg = await start();
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/nope.js', '/api/unknown']) {
      expect((await fetch(`${pg.running.url}${p}`)).status, p).toBe(404);
    }
  });

  it('answers /healthz with the root’s checks plus its own: 200 when healthy, 503 when not', async () => {
    const pg = await start();
    const ok = await fetch(`${pg.running.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, checks: { store: { ok: true }, playground: { ok: true } } });
    pg.health.report = { ok: false, checks: { store: { ok: false, detail: 'down' } } };
    expect((await fetch(`${pg.running.url}/healthz`)).status).toBe(503);
  });

  it('pushes a change event to open pages when something is posted', async () => {
    const pg = await start();
    const controller = new AbortController();
    const res = await fetch(`${pg.running.url}/api/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = decoder.decode((await reader.read()).value);
    expect(seen).toContain('event: changed');
    await pg.post('/api/messages', { as: 'yanis', channel: 'general', text: 'Coucou' });
    while (!/data: [1-9]/.test(seen)) seen += decoder.decode((await reader.read()).value);
    expect(seen).not.toContain('Coucou'); // the stream never carries message text
    controller.abort();
  });

  it('reports a clear error when the port is taken', async () => {
    const pg = await start();
    const port = Number(new URL(pg.running.url).port);
    const { loadConfig } = await import('../../../src/config/load-config.js');
    const { createPlayground } = await import('../../../src/adapters/playground/start-playground.js');
    const { silentLogger } = await import('../../../src/core/ports/logger.js');
    const { FakeBotCore } = await import('./fake-bot-core.js');
    const ctx = {
      config: { ...loadConfig({}), port, storeUrl: 'memory://' },
      log: silentLogger,
      clock: { now: () => Date.now() },
      buildCore: (p: any) => new FakeBotCore(p),
      health: async () => ({ ok: true, checks: {} }),
    };
    await expect(createPlayground(ctx, { stateFile: null })).rejects.toThrow(/already in use.*PORT/);
  });
});

describe('playground persistence', () => {
  it('derives the state file from the store URL', () => {
    expect(stateFileFor('sqlite://data/charte-bot.sqlite')).toBe(path.join('data', 'playground.json'));
    expect(stateFileFor('/var/lib/bot/kv.sqlite')).toBe('/var/lib/bot/playground.json');
    expect(stateFileFor('redis://127.0.0.1:6379')).toBe(path.join('data', 'playground.json'));
    expect(stateFileFor('memory://')).toBeUndefined();
  });

  it('keeps the workspace across a restart, writing atomically into a folder it creates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'playground-'));
    const stateFile = path.join(dir, 'nested', 'playground.json');
    const first = await start({ stateFile });
    const posted = (await first.post('/api/messages', { as: 'lea', channel: 'entraide', text: 'Qui a une visseuse ?' })).json.message;
    await first.running.stop();
    const saved = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(saved.messages.some((m: any) => m.id === posted.id)).toBe(true);
    expect((await readdir(path.dirname(stateFile))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await start({ stateFile });
    expect((await second.state('lea')).messages.find((m: any) => m.id === posted.id)?.text).toBe('Qui a une visseuse ?');
  });

  it('reset brings back the starting workspace with fresh message ids', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'playground-'));
    const stateFile = path.join(dir, 'playground.json');
    const pg = await start({ stateFile });
    const before = (await pg.post('/api/messages', { as: 'lea', channel: 'general', text: 'avant' })).json.message;
    expect((await pg.post('/api/reset', {})).status).toBe(200);
    const state = await pg.state('lea');
    expect(state.messages.some((m: any) => m.text === 'avant')).toBe(false);
    expect(state.messages.length).toBeGreaterThan(3);
    const after = (await pg.post('/api/messages', { as: 'lea', channel: 'general', text: 'après' })).json.message;
    expect(after.id).not.toBe(before.id); // the core's exactly-once check must not swallow it
    await pg.running.stop();
    expect(JSON.parse(await readFile(stateFile, 'utf8')).messages.some((m: any) => m.text === 'avant')).toBe(false);
  });

  it('starts fresh from a corrupt state file and keeps the broken one aside', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'playground-'));
    const stateFile = path.join(dir, 'playground.json');
    await writeFile(stateFile, '{"version":1, oops');
    const pg = await start({ stateFile });
    expect((await pg.state('camille')).channels.length).toBe(4);
    expect((await readdir(dir)).some((f) => f.startsWith('playground.json.broken-'))).toBe(true);
  });
});

describe('playground channels follow the configuration', () => {
  it('names #annonces, the committee channel and the general channel as configured', async () => {
    const { loadConfig } = await import('../../../src/config/load-config.js');
    const { createPlayground } = await import('../../../src/adapters/playground/start-playground.js');
    const { silentLogger } = await import('../../../src/core/ports/logger.js');
    const { FakeBotCore } = await import('./fake-bot-core.js');
    const config = loadConfig({ ANNONCES_CHANNEL: '#petites-annonces', COMMITTEE_CHANNEL: 'ethique', GENERAL_CHANNEL: 'agora' });
    const running = await createPlayground(
      { config: { ...config, port: 0, storeUrl: 'memory://' }, log: silentLogger, clock: { now: () => Date.now() }, buildCore: (p) => new FakeBotCore(p), health: async () => ({ ok: true, checks: {} }) },
      { stateFile: null },
    );
    try {
      const state = await (await fetch(`${running.url}/api/state?as=sophie`)).json();
      expect(state.channels.map((c: any) => c.name)).toEqual(['agora', 'entraide', 'petites-annonces', 'ethique', 'dm-sophie']);
      expect(state.generalChannel).toBe('agora');
    } finally {
      await running.stop();
    }
  });
});
