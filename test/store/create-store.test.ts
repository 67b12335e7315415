import { clearRedisNamespace } from '../reliability/redis-available.js';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { createStore } from '../../src/store/create-store.js';
import { CaptureLogger } from '../fakes/capture-logger.js';
import { moderationStoreSuite } from './moderation-store-suite.js';

const RUN = `t${process.pid}${Date.now().toString(36)}`;
let seq = 0;
const ns = () => `${RUN}_${++seq}`;
const tmp = mkdtempSync(join(tmpdir(), 'charte-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const REDIS_URL = 'redis://127.0.0.1:6379';
const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const hasRedis = await reachable(6379);
const hasPostgres = await reachable(5432);
if (!hasRedis) console.warn('[store tests] Redis not reachable on 127.0.0.1:6379: Redis suite SKIPPED');
if (!hasPostgres) console.warn('[store tests] PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL suite SKIPPED');

describe('memory store', () => moderationStoreSuite(() => createStore('memory://', new CaptureLogger(), { namespace: ns() })));

describe('sqlite store (temp file)', () =>
  moderationStoreSuite(() => createStore(`sqlite://${join(tmp, `${ns()}.sqlite`)}`, new CaptureLogger(), { namespace: ns() })));

describe.skipIf(!hasRedis)('Redis store (real, 127.0.0.1:6379)', () =>
  moderationStoreSuite(async () => {
    const namespace = ns();
    const created = await createStore(REDIS_URL, new CaptureLogger(), { namespace });
    // Leave the shared Redis as we found it.
    return { ...created, close: async () => (await created.close(), await clearRedisNamespace(namespace)) };
  }));

/** Deletes one test namespace's rows, so the shared database keeps nothing of the test run. */
async function clearPostgresNamespace(namespace: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const table of ['charte_bot', 'charte_claims']) {
      await client.query(`DELETE FROM ${table} WHERE key LIKE $1`, [`${namespace}:%`]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

describe.skipIf(!hasPostgres)('PostgreSQL store (real, database test)', () =>
  moderationStoreSuite(async () => {
    const namespace = ns();
    const created = await createStore(POSTGRES_URL, new CaptureLogger(), { namespace });
    // Leave the shared database as we found it.
    return { ...created, close: async () => (await created.close(), await clearPostgresNamespace(namespace)) };
  }));

describe('createStore', () => {
  it('creates the data directory of a plain path on first start', async () => {
    const file = join(tmp, 'nested', 'data', 'bot.sqlite');
    const { store, close } = await createStore(file, new CaptureLogger());
    await store.updateSettings({ mode: 'actif' });
    await close();
    expect(existsSync(file)).toBe(true);
  });

  it('fails fast with a StoreError naming STORE_URL when Redis is unreachable', async () => {
    const started = performance.now();
    const err = await createStore('redis://127.0.0.1:1', new CaptureLogger()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/STORE_URL=redis:\/\/127\.0\.0\.1:1/);
    expect((err as Error).message).toMatch(/Redis/);
    expect(performance.now() - started).toBeLessThan(8000);
  });

  it('fails with a StoreError that hides the password when PostgreSQL is unreachable', async () => {
    const err = await createStore('postgres://bot:s3cretpw@127.0.0.1:1/x', new CaptureLogger()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/STORE_URL=postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1/);
    expect((err as Error).message).not.toContain('s3cretpw');
  });
});
