import { expect, it } from 'vitest';
import type { Incident, ModerationStore } from '../../src/core/ports/moderation-store.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T10:00:00Z');

export function incident(over: Partial<Incident> = {}): Incident {
  return {
    id: `inc_${Math.random().toString(36).slice(2, 10)}`,
    kind: 'promotion',
    platform: 'playground',
    channelId: 'CGEN',
    channelName: 'general',
    messageId: `m${Math.random().toString(36).slice(2, 8)}`,
    authorId: 'UALICE',
    authorName: 'alice',
    excerpt: 'Mon atelier à 45 €',
    reasons: [{ code: 'price', fr: 'un prix', en: 'a price' }],
    score: 0.8,
    action: 'remind',
    status: 'open',
    contested: false,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** The behaviour every backend must share; run against memory, sqlite, Redis and PostgreSQL. */
export function moderationStoreSuite(open: () => Promise<{ store: ModerationStore; close(): Promise<void> }>): void {
  async function withStore(fn: (store: ModerationStore) => Promise<void>): Promise<void> {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  }

  it('claims an event once, and again after release (redelivery after a failure)', () =>
    withStore(async (store) => {
      expect(await store.claimEvent('slack:Ev1', 60_000)).toBe(true);
      expect(await store.claimEvent('slack:Ev1', 60_000)).toBe(false);
      await store.releaseEvent('slack:Ev1');
      expect(await store.claimEvent('slack:Ev1', 60_000)).toBe(true);
    }));

  it('lets exactly one of many concurrent claims win', () =>
    withStore(async (store) => {
      const wins = await Promise.all(Array.from({ length: 8 }, () => store.claimEvent('slack:Race', 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    }));

  it('forgets a claim after its TTL', () =>
    withStore(async (store) => {
      expect(await store.claimEvent('mm:short', 50)).toBe(true);
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.claimEvent('mm:short', 50)).toBe(true);
    }));

  it('keeps incidents, finds them by message, lists them by date', () =>
    withStore(async (store) => {
      const a = incident({ createdAt: T0 - 3 * DAY });
      const b = incident({ createdAt: T0 - DAY, authorId: 'UBOB', authorName: 'bob' });
      await store.saveIncident(a);
      await store.saveIncident(b);
      await store.saveIncident({ ...a, verdict: 'confirmed' });
      expect((await store.getIncident(a.id))?.verdict).toBe('confirmed');
      expect((await store.findIncidentByMessage('playground', 'CGEN', b.messageId))?.id).toBe(b.id);
      expect((await store.listIncidents(T0 - 7 * DAY, T0)).map((i) => i.id)).toEqual([a.id, b.id]);
      expect((await store.listIncidents(T0 - 2 * DAY, T0)).map((i) => i.id)).toEqual([b.id]);
    }));

  it('keeps author history, settings, and names', () =>
    withStore(async (store) => {
      expect(await store.getAuthor('UNEW')).toMatchObject({ userId: 'UNEW', reminders: [], incidentIds: [] });
      await store.saveIncident(incident());
      const alice = await store.getAuthor('UALICE');
      await store.saveAuthor({ ...alice, reminders: [T0], lastVariant: 3 });
      expect(await store.getAuthor('UALICE')).toMatchObject({ reminders: [T0], lastVariant: 3, name: 'alice' });
      expect(await store.findUserIdByName('Alice')).toBe('UALICE');
      await store.updateSettings({ mode: 'observation' });
      await store.updateSettings({ threshold: 0.7 });
      expect(await store.getSettings()).toMatchObject({ mode: 'observation', threshold: 0.7 });
    }));

  it('purges incidents older than the retention period', () =>
    withStore(async (store) => {
      const old = incident({ createdAt: T0 - 100 * DAY });
      const recent = incident({ createdAt: T0 - 10 * DAY });
      await store.saveIncident(old);
      await store.saveIncident(recent);
      const alice = await store.getAuthor('UALICE');
      await store.saveAuthor({ ...alice, reminders: [T0 - 100 * DAY, T0 - 10 * DAY] });
      expect(await store.purgeOlderThan(T0 - 90 * DAY)).toBe(1);
      expect(await store.getIncident(old.id)).toBeUndefined();
      expect(await store.findIncidentByMessage('playground', 'CGEN', old.messageId)).toBeUndefined();
      expect(await store.getIncident(recent.id)).toBeDefined();
      expect(await store.getAuthor('UALICE')).toMatchObject({ reminders: [T0 - 10 * DAY], incidentIds: [recent.id] });
    }));

  it('forgets a member entirely, and exports what it holds', () =>
    withStore(async (store) => {
      const mine = incident();
      const reportedByMe = incident({ kind: 'report', authorId: 'UBOB', authorName: 'bob', reporterId: 'UALICE', action: 'report' });
      await store.saveIncident(mine);
      await store.saveIncident(reportedByMe);
      const exported = await store.exportUser('UALICE');
      expect(exported.incidents.map((i) => i.id).sort()).toEqual([mine.id, reportedByMe.id].sort());
      expect(await store.forgetUser('UALICE')).toBe(1);
      expect(await store.getIncident(mine.id)).toBeUndefined();
      expect((await store.getIncident(reportedByMe.id))?.reporterId).toBeUndefined();
      expect((await store.exportUser('UALICE')).incidents).toEqual([]);
      expect(await store.findUserIdByName('alice')).toBeUndefined();
      expect(await store.listIncidents(T0 - DAY, T0 + DAY)).toHaveLength(1);
    }));

  it('answers ping', () => withStore((store) => store.ping()));
}
