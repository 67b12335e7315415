import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { CLOSE_GRACE_MS } from '../../src/store/keyv-backends.js';
import { clearRedisNamespace, isPortOpen } from './redis-available.js';
import { TcpProxy } from './tcp-proxy.js';

const redisUp = await isPortOpen(6379);
if (!redisUp) console.warn('[skip] store-close test: no Redis on 127.0.0.1:6379');

// A shutdown (SIGTERM, a restart by the process manager) closes the store; a Redis that stopped
// answering mid-command must not make it wait forever.
describe.skipIf(!redisUp)('closing a Redis store', () => {
  it('returns within its grace period when Redis hangs with a command in flight', async () => {
    const proxy = await new TcpProxy({ host: '127.0.0.1', port: 6379 }).start();
    const namespace = `close-${process.pid}-${Date.now()}`;
    try {
      const created = await createStore(`redis://127.0.0.1:${proxy.port}`, silentLogger, { namespace });
      await created.store.ping();
      proxy.freeze();
      void created.store.ping().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100)); // the command is on the wire, its answer never comes
      const started = Date.now();
      await created.close();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(CLOSE_GRACE_MS - 50);
      expect(took).toBeLessThan(CLOSE_GRACE_MS + 1500);
    } finally {
      await proxy.stop();
      await clearRedisNamespace(namespace);
    }
  });

  it('closes at once when Redis answers', async () => {
    const namespace = `close-ok-${process.pid}-${Date.now()}`;
    const created = await createStore('redis://127.0.0.1:6379', silentLogger, { namespace });
    await created.store.ping();
    const started = Date.now();
    await created.close();
    expect(Date.now() - started).toBeLessThan(500);
    await clearRedisNamespace(namespace);
  });
});
