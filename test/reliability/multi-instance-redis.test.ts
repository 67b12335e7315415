import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCoreConfig } from '../../src/core/core-config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import type { IncomingMessage } from '../../src/core/model.js';
import { createModerationBot } from '../../src/core/moderation/create-moderation-bot.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createStore, type CreatedStore } from '../../src/store/create-store.js';
import { FakeChatPlatform } from '../fakes/fake-chat-platform.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { clearRedisNamespace, isPortOpen } from './redis-available.js';

const redisUp = await isPortOpen(6379);
if (!redisUp) console.warn('[skip] multi-instance test: no Redis on 127.0.0.1:6379 (start redis-server to run it)');

const AUTHORS = 100;
const EVENTS = 1000;
const trades = ['shiatsu', 'photo', 'logo', 'site vitrine', 'coaching', 'poterie', 'traduction', 'massage', 'formation Excel', 'montage vidéo'];
const promoText = (i: number) =>
  `Promo de lancement : ma séance de ${trades[i % trades.length]} à ${40 + (i % 50)} € au lieu de ${90 + (i % 30)} €, réservez vite, écrivez-moi en MP ! (${i})`;

describe.skipIf(!redisUp)('two instances on one Redis', () => {
  const platform = new FakeChatPlatform({ name: 'slack' });
  const stores: CreatedStore[] = [];
  const bots: BotCore[] = [];
  const namespace = `multi-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const members = Array.from({ length: AUTHORS }, (_, i) => `U${String(i).padStart(4, '0')}`);
    for (const id of members) platform.addUser({ id, name: `membre${id}`, isBot: false });
    platform.addUser({ id: 'UCOMITE', name: 'comite', isBot: false });
    platform.addChannel({ id: 'CGEN', name: 'general', kind: 'public' }, [...members, 'UBOT']);
    platform.addChannel({ id: 'CANN', name: 'annonces', kind: 'public' }, ['UBOT']);
    platform.addChannel({ id: 'CCOM', name: 'comite-charte', kind: 'private' }, ['UCOMITE', 'UBOT']);
    const clock = new FixedClock();
    for (let i = 0; i < 2; i++) {
      const created = await createStore('redis://127.0.0.1:6379', silentLogger, { namespace });
      stores.push(created);
      const bot = createModerationBot({ platform, store: created.store, clock, log: silentLogger, config: { ...defaultCoreConfig, charterUrl: 'https://coop.example/charte' } });
      await bot.start();
      bots.push(bot);
    }
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await clearRedisNamespace(namespace);
  });

  it('1,000 events delivered to both and retried once give one DM per author and one committee line per incident', async () => {
    const events: IncomingMessage[] = Array.from({ length: EVENTS }, (_, i) => ({
      platform: 'slack',
      id: `1700000000.${String(i).padStart(6, '0')}`,
      eventId: `Ev${i}`,
      channel: { id: 'CGEN', name: 'general', kind: 'public' },
      author: { id: `U${String(i % AUTHORS).padStart(4, '0')}`, name: `membre${i % AUTHORS}`, isBot: false },
      text: promoText(i),
      isEdit: false,
      at: Date.parse('2026-11-02T10:00:00Z'),
    }));
    // Each event reaches both instances at once (Mattermost: every instance holds a WebSocket), then
    // is redelivered to both (Slack retry after a slow ack). Batches keep many authors in flight.
    const BATCH = 250; // more than AUTHORS: the same author has posts in flight on both instances at once
    for (let start = 0; start < EVENTS; start += BATCH) {
      const batch = events.slice(start, start + BATCH);
      await Promise.all(batch.flatMap((e) => [bots[0]!.handleMessage(e), bots[1]!.handleMessage(e)]));
      await Promise.all(batch.flatMap((e) => [bots[0]!.handleMessage(e), bots[1]!.handleMessage(e)]));
    }

    const dmsPerAuthor = new Map<string, number>();
    for (const dm of platform.dms) dmsPerAuthor.set(dm.userId, (dmsPerAuthor.get(dm.userId) ?? 0) + 1);
    expect(dmsPerAuthor.size).toBe(AUTHORS);
    expect([...dmsPerAuthor.values()].every((n) => n === 1)).toBe(true);

    // A committee line carries the incident's verdict buttons: one line per incident, none twice.
    const linesPerIncident = new Map<string, number>();
    for (const post of platform.postsIn('CCOM')) {
      const id = post.message.buttons?.find((b) => b.action === 'verdict_confirmed')?.value;
      if (id) linesPerIncident.set(id, (linesPerIncident.get(id) ?? 0) + 1);
    }
    expect(linesPerIncident.size).toBe(EVENTS);
    expect([...linesPerIncident.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);
});
