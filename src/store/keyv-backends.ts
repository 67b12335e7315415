import KeyvPostgres from '@keyv/postgres';
import KeyvRedis, { createKeyv as createRedisKeyvRaw } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../core/ports/logger.js';
import type { AtomicClaims } from '../core/store/keyv-moderation-store.js';

export interface BackendKeyv {
  keyv: Keyv;
  claims?: AtomicClaims;
  close(): Promise<void>;
}

type Query = (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Wraps a promise with a timeout, so a silent backend fails fast at start instead of hanging. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** How long a store may take to close gracefully (pending commands answered) before it is dropped. */
export const CLOSE_GRACE_MS = 2000;

/**
 * Closes gracefully, but never waits more than `CLOSE_GRACE_MS`: a server that stopped answering must not
 * hold a shutdown (or a restart) hostage. Then `force` drops the connection, when the client can.
 */
async function closeWithin(graceful: () => Promise<void>, force?: () => Promise<void>): Promise<void> {
  try {
    await withTimeout(graceful(), CLOSE_GRACE_MS, 'closing the store');
  } catch {
    await force?.().catch(() => undefined);
  }
}

/**
 * SQL claims on a tiny table: `INSERT … ON CONFLICT … DO UPDATE … WHERE expired RETURNING` is atomic in
 * both SQLite (≥ 3.35) and PostgreSQL, so two bot instances sharing the database never both win a claim.
 * Expired rows are reused in place and swept now and then.
 */
function sqlClaims(query: Query, dialect: 'sqlite' | 'postgres', prefix: string): AtomicClaims {
  const p = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
  let sinceSweep = 0;
  return {
    async setIfAbsent(key, _value, ttlMs) {
      const now = Date.now();
      if (++sinceSweep >= 500) {
        sinceSweep = 0;
        await query(`DELETE FROM charte_claims WHERE expires_at < ${p(1)}`, [now]);
      }
      const rows = await query(
        `INSERT INTO charte_claims (key, expires_at) VALUES (${p(1)}, ${p(2)})
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE charte_claims.expires_at < ${p(3)}
         RETURNING key`,
        [`${prefix}:${key}`, now + ttlMs, now],
      );
      return rows.length > 0;
    },
    async delete(key) {
      await query(`DELETE FROM charte_claims WHERE key = ${p(1)}`, [`${prefix}:${key}`]);
    },
  };
}

const CLAIMS_TABLE = 'CREATE TABLE IF NOT EXISTS charte_claims (key VARCHAR(512) PRIMARY KEY, expires_at BIGINT NOT NULL)';

export async function createSqliteKeyv(file: string, namespace: string): Promise<BackendKeyv> {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
  // throwOnErrors: a failing backend must throw (→ StoreError), never read as "absent" (a lost claim).
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
  keyv.on('error', () => {}); // surfaced as StoreError by the store's calls
  const query = adapter.query as unknown as Query;
  await withTimeout(query(CLAIMS_TABLE), 5000, 'sqlite');
  return { keyv, claims: sqlClaims(query, 'sqlite', namespace), close: () => keyv.disconnect() };
}

export async function createRedisKeyv(url: string, namespace: string): Promise<BackendKeyv> {
  // Redis lost while running: reconnect with a capped backoff, and with the offline queue disabled every
  // call made meanwhile throws at once (→ StoreError, the event is not marked handled) instead of
  // hanging until Redis returns (stack-notes §3: the default client waits forever).
  const keyv = createRedisKeyvRaw(
    { url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000), connectTimeout: 3000 } },
    { namespace, throwOnConnectError: true, connectionTimeout: 3000 },
  );
  keyv.throwOnErrors = true;
  keyv.on('error', () => {});
  const adapter = keyv.store as KeyvRedis<unknown>;
  let client: Awaited<ReturnType<KeyvRedis<unknown>['getClient']>>;
  try {
    client = await withTimeout(adapter.getClient(), 4000, 'redis');
    await withTimeout(client.ping(), 4000, 'redis');
  } catch (err) {
    // Unreachable at start: say so now (the caller names STORE_URL) and stop the background reconnects.
    await keyv.disconnect().catch(() => undefined);
    throw err;
  }
  const claims: AtomicClaims = {
    async setIfAbsent(key, value, ttlMs) {
      // SET NX PX: atomic on the server, so only one bot instance wins a given event.
      const reply = await client.set(`${namespace}::${key}`, value, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      return reply === 'OK';
    },
    async delete(key) {
      await client.del(`${namespace}::${key}`);
    },
  };
  return { keyv, claims, close: () => closeWithin(() => keyv.disconnect(), () => adapter.disconnect(true)) };
}

export async function createPostgresKeyv(url: string, namespace: string, log: Logger): Promise<BackendKeyv> {
  const adapter = new KeyvPostgres({ uri: url, table: 'charte_bot', connectionTimeoutMillis: 3000 } as ConstructorParameters<typeof KeyvPostgres>[0]);
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
  keyv.on('error', () => {});
  const query = adapter.query as unknown as Query;
  let claims: AtomicClaims | undefined;
  try {
    await withTimeout(query(CLAIMS_TABLE), 5000, 'postgres');
    claims = sqlClaims(query, 'postgres', namespace);
  } catch (err) {
    await withTimeout(keyv.get('ping'), 5000, 'postgres');
    // The store works but the claims table could not be created (no CREATE right): claims fall back to
    // check-then-set, which is only safe with a single bot instance.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'postgres: claims table unavailable, exactly-once is single-instance only');
  }
  return { keyv, claims, close: () => closeWithin(() => keyv.disconnect()) };
}
