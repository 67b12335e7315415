import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCoreConfig } from '../../src/core/core-config.js';
import { StoreError } from '../../src/core/errors.js';
import { createModerationBot } from '../../src/core/moderation/create-moderation-bot.js';
import type { IncomingMessage } from '../../src/core/model.js';
import { createStore, type CreatedStore } from '../../src/store/create-store.js';
import { PROMO, PROMO_2 } from '../core/harness.js';
import { CaptureLogger } from '../fakes/capture-logger.js';
import { FakeChatPlatform } from '../fakes/fake-chat-platform.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { clearRedisNamespace, isPortOpen } from './redis-available.js';
import { TcpProxy } from './tcp-proxy.js';

const redisUp = await isPortOpen(6379);
if (!redisUp) console.warn('[skip] store-lost test: no Redis on 127.0.0.1:6379');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisUp)('Redis lost while the bot runs', () => {
  const proxy = new TcpProxy({ host: '127.0.0.1', port: 6379 });
  const platform = new FakeChatPlatform({ name: 'slack' });
  const log = new CaptureLogger();
  let created: CreatedStore;
  const namespace = `lost-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    await proxy.start();
    platform.addUser({ id: 'UALICE', name: 'alice', isBot: false });
    platform.addUser({ id: 'UBOB', name: 'bob', isBot: false });
    platform.addChannel({ id: 'CGEN', name: 'general', kind: 'public' }, ['UALICE', 'UBOB', 'UBOT']);
    platform.addChannel({ id: 'CANN', name: 'annonces', kind: 'public' }, ['UBOT']);
    platform.addChannel({ id: 'CCOM', name: 'comite-charte', kind: 'private' }, ['UBOT']);
    created = await createStore(`redis://127.0.0.1:${proxy.port}`, log, { namespace });
  });
  afterAll(async () => {
    await created.close().catch(() => undefined);
    await proxy.stop();
    await clearRedisNamespace(namespace);
  });

  const message = (id: string, author: string, text: string): IncomingMessage => ({
    platform: 'slack',
    id,
    eventId: `Ev${id}`,
    channel: { id: 'CGEN', name: 'general', kind: 'public' },
    author: { id: author, name: author.toLowerCase(), isBot: false },
    text,
    isEdit: false,
    at: Date.parse('2026-11-02T10:00:00Z'),
  });

  it('fails fast with a StoreError, does not mark the event handled, and recovers once Redis is back', async () => {
    const bot = createModerationBot({ platform, store: created.store, clock: new FixedClock(), log, config: defaultCoreConfig });
    await bot.start();
    await bot.handleMessage(message('1.0001', 'UALICE', PROMO));
    expect(platform.dmsTo('UALICE')).toHaveLength(1);

    proxy.cut();
    const started = Date.now();
    await expect(bot.handleMessage(message('1.0002', 'UBOB', PROMO_2))).rejects.toBeInstanceOf(StoreError);
    expect(Date.now() - started).toBeLessThan(5000); // bounded: no hanging on a dead store
    expect(platform.dmsTo('UBOB')).toHaveLength(0);

    proxy.restore();
    // The platform (or the adapter's own redelivery) tries again: the event was not marked handled.
    let delivered = false;
    for (let attempt = 0; attempt < 40 && !delivered; attempt++) {
      await sleep(250);
      delivered = await bot.handleMessage(message('1.0002', 'UBOB', PROMO_2)).then(
        () => true,
        () => false,
      );
    }
    expect(delivered).toBe(true);
    expect(platform.dmsTo('UBOB')).toHaveLength(1);
    // And again: still exactly one.
    await bot.handleMessage(message('1.0002', 'UBOB', PROMO_2));
    expect(platform.dmsTo('UBOB')).toHaveLength(1);
  }, 30_000);
});
