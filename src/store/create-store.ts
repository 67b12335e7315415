import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { StoreError } from '../core/errors.js';
import type { Logger } from '../core/ports/logger.js';
import type { ModerationStore } from '../core/ports/moderation-store.js';
import { KeyvModerationStore } from '../core/store/keyv-moderation-store.js';
import { createPostgresKeyv, createRedisKeyv, createSqliteKeyv, type BackendKeyv } from './keyv-backends.js';

export interface CreatedStore {
  store: ModerationStore;
  kind: 'sqlite' | 'redis' | 'postgres' | 'memory';
  close(): Promise<void>;
}

export interface CreateStoreOptions {
  /** Key namespace (tests use a unique one per run). Default `charte-bot`. */
  namespace?: string;
}

/** Hides credentials in a URL before it is logged or shown. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

function fix(kind: string, url: string): string {
  return kind === 'redis'
    ? `Is Redis running and reachable at ${redactUrl(url)}? Start it (e.g. \`redis-server\`) or set STORE_URL to a file path (default sqlite://data/charte-bot.sqlite).`
    : kind === 'postgres'
      ? `Is PostgreSQL running at ${redactUrl(url)}, with that database and user? Fix STORE_URL or set it to a file path (default sqlite://data/charte-bot.sqlite).`
      : `Check that the directory of ${url} is writable, or set STORE_URL to another path.`;
}

/**
 * Picks the backend from `STORE_URL`: a path or `sqlite://…` (the default, created under ./data on first
 * start), `redis://…`, `postgres://…`, `memory://` (tests, playground). Checks the store answers before
 * returning, so an unreachable store fails at start with a `StoreError` naming STORE_URL and the fix.
 */
export async function createStore(url: string, log: Logger, options: CreateStoreOptions = {}): Promise<CreatedStore> {
  const namespace = options.namespace ?? 'charte-bot';
  const trimmed = url.trim();
  let backend: BackendKeyv;
  let kind: CreatedStore['kind'];
  try {
    if (trimmed === '' || trimmed.startsWith('memory:')) {
      kind = 'memory';
      backend = { keyv: new Keyv({ namespace, throwOnErrors: true }), close: async () => {} };
    } else if (/^rediss?:\/\//.test(trimmed)) {
      kind = 'redis';
      backend = await createRedisKeyv(trimmed, namespace);
    } else if (/^postgres(ql)?:\/\//.test(trimmed)) {
      kind = 'postgres';
      backend = await createPostgresKeyv(trimmed, namespace, log);
    } else {
      kind = 'sqlite';
      const file = resolve(trimmed.replace(/^sqlite:\/\//, ''));
      mkdirSync(dirname(file), { recursive: true });
      backend = await createSqliteKeyv(file, namespace);
    }
  } catch (err) {
    const k = /^rediss?:/.test(trimmed) ? 'redis' : /^postgres/.test(trimmed) ? 'postgres' : 'sqlite';
    throw new StoreError(`STORE_URL=${redactUrl(trimmed)}: cannot open the store (${err instanceof Error ? err.message : String(err)}). ${fix(k, trimmed)}`, {
      cause: err,
    });
  }
  const store = new KeyvModerationStore(backend.keyv, backend.claims);
  try {
    await store.ping();
  } catch (err) {
    await backend.close().catch(() => {});
    throw new StoreError(`STORE_URL=${redactUrl(trimmed)}: the store does not answer (${err instanceof Error ? err.message : String(err)}). ${fix(kind, trimmed)}`, {
      cause: err,
    });
  }
  log.info({ store: kind, namespace, atomicClaims: backend.claims !== undefined }, 'store ready');
  return { store, kind, close: backend.close };
}
