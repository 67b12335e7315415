import type Keyv from 'keyv';
import { StoreError } from '../errors.js';
import type { PlatformName } from '../model.js';
import {
  emptyAuthor,
  type AuthorRecord,
  type Incident,
  type ModerationStore,
  type StoredSettings,
  type UserExport,
} from '../ports/moderation-store.js';

/** An atomic "set if absent with expiry" offered by the backend (Redis `SET NX PX`, SQL `ON CONFLICT`). */
export interface AtomicClaims {
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}


function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The second an incident was created in: the unit of the time index (see the class comment). */
function slotOf(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/**
 * `ModerationStore` over any Keyv backend. Keyv has no listing, so small index keys make stats, digest,
 * purge and forget possible without scanning:
 *   incident:<id>            the incident
 *   msg:<platform>:<ch>:<id> incident id of a message (edits, deletes)
 *   day:<YYYY-MM-DD>         the seconds of that day (UTC) that have incidents
 *   slot:<epoch second>      incident ids created in that second
 * Two levels, because each index update rewrites its whole list: one flat list per day made a busy
 * day quadratic (every new incident rewrote all of the day's ids); a second holds a handful.
 *   days                     the sorted list of days that have an index (purge)
 *   author:<userId>          AuthorRecord
 *   name:<lowercased name>   user id (oublier @nom)
 *   settings                 StoredSettings
 *   claim:<event key>        exactly-once claims (TTL)
 * Index updates are read-modify-write: serialised in this process by a small lock. Two bot instances
 * sharing one Redis/Postgres could lose an index entry in a race (the incident itself stays); claims
 * are atomic when `claims` is injected, so an event is still handled once.
 */
export class KeyvModerationStore implements ModerationStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keyv: Keyv,
    private readonly claims?: AtomicClaims,
  ) {}

  async claimEvent(key: string, ttlMs: number): Promise<boolean> {
    if (this.claims) return this.guard(() => this.claims!.setIfAbsent(`claim:${key}`, '1', ttlMs));
    // Check-then-set: atomic only within this process (the lock). Safe for the embedded sqlite/memory
    // stores, which are single-instance by nature.
    return this.withLock(`claim:${key}`, () =>
      this.guard(async () => {
        if ((await this.keyv.get(`claim:${key}`)) !== undefined) return false;
        await this.keyv.set(`claim:${key}`, 1, ttlMs);
        return true;
      }),
    );
  }

  async releaseEvent(key: string): Promise<void> {
    await this.guard(async () => {
      if (this.claims) await this.claims.delete(`claim:${key}`);
      else await this.keyv.delete(`claim:${key}`);
    });
  }

  async saveIncident(incident: Incident): Promise<void> {
    await this.guard(async () => {
      const isNew = (await this.keyv.get(`incident:${incident.id}`)) === undefined;
      await this.keyv.set(`incident:${incident.id}`, incident);
      if (!isNew) return;
      await this.keyv.set(this.msgKey(incident.platform, incident.channelId, incident.messageId), incident.id);
      const day = dayOf(incident.createdAt);
      if (await this.addToList(`slot:${slotOf(incident.createdAt)}`, incident.id)) {
        await this.addToList(`day:${day}`, slotOf(incident.createdAt));
      }
      await this.withLock('days', async () => {
        const days = ((await this.keyv.get('days')) as string[] | undefined) ?? [];
        if (!days.includes(day)) await this.keyv.set('days', [...days, day].sort());
      });
      const people = [incident.authorId, incident.reporterId].filter((u): u is string => Boolean(u));
      for (const userId of new Set(people)) {
        await this.withLock(`author:${userId}`, async () => {
          const record = await this.readAuthor(userId);
          if (!record.incidentIds.includes(incident.id)) record.incidentIds.push(incident.id);
          if (userId === incident.authorId && incident.authorName) record.name = incident.authorName;
          await this.writeAuthor(record);
        });
      }
    });
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.guard(async () => (await this.keyv.get(`incident:${id}`)) as Incident | undefined);
  }

  async findIncidentByMessage(platform: PlatformName, channelId: string, messageId: string): Promise<Incident | undefined> {
    return this.guard(async () => {
      const id = (await this.keyv.get(this.msgKey(platform, channelId, messageId))) as string | undefined;
      return id === undefined ? undefined : ((await this.keyv.get(`incident:${id}`)) as Incident | undefined);
    });
  }

  async listIncidents(sinceMs: number, untilMs: number): Promise<Incident[]> {
    return this.guard(async () => {
      const days = ((await this.keyv.get('days')) as string[] | undefined) ?? [];
      const from = dayOf(sinceMs);
      const to = dayOf(untilMs);
      const out: Incident[] = [];
      for (const day of days.filter((d) => d >= from && d <= to)) {
        for (const slot of await this.slotsOf(day)) {
          if ((Number(slot) + 1) * 1000 <= sinceMs || Number(slot) * 1000 > untilMs) continue;
          for (const id of await this.list(`slot:${slot}`)) {
            const incident = (await this.keyv.get(`incident:${id}`)) as Incident | undefined;
            if (incident && incident.createdAt >= sinceMs && incident.createdAt <= untilMs) out.push(incident);
          }
        }
      }
      return out.sort((a, b) => a.createdAt - b.createdAt);
    });
  }

  async getAuthor(userId: string): Promise<AuthorRecord> {
    return this.guard(() => this.readAuthor(userId));
  }

  async saveAuthor(record: AuthorRecord): Promise<void> {
    await this.guard(() => this.withLock(`author:${record.userId}`, () => this.writeAuthor(record)));
  }

  async findUserIdByName(name: string): Promise<string | undefined> {
    return this.guard(async () => (await this.keyv.get(`name:${name.toLowerCase()}`)) as string | undefined);
  }

  async getSettings(): Promise<StoredSettings> {
    return this.guard(async () => ((await this.keyv.get('settings')) as StoredSettings | undefined) ?? {});
  }

  async updateSettings(patch: Partial<StoredSettings>): Promise<StoredSettings> {
    return this.guard(() =>
      this.withLock('settings', async () => {
        const current = ((await this.keyv.get('settings')) as StoredSettings | undefined) ?? {};
        const next = { ...current, ...patch };
        await this.keyv.set('settings', next);
        return next;
      }),
    );
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    return this.guard(async () => {
      const days = ((await this.keyv.get('days')) as string[] | undefined) ?? [];
      const cutoffDay = dayOf(cutoffMs);
      let purged = 0;
      const touchedAuthors = new Set<string>();
      const keptDays: string[] = [];
      for (const day of days) {
        if (day > cutoffDay) {
          keptDays.push(day);
          continue;
        }
        const keptSlots: string[] = [];
        for (const slot of await this.slotsOf(day)) {
          const kept: string[] = [];
          for (const id of await this.list(`slot:${slot}`)) {
            const incident = (await this.keyv.get(`incident:${id}`)) as Incident | undefined;
            if (!incident) continue;
            if (incident.createdAt >= cutoffMs) {
              kept.push(id);
              continue;
            }
            await this.deleteIncident(incident);
            touchedAuthors.add(incident.authorId);
            if (incident.reporterId) touchedAuthors.add(incident.reporterId);
            purged++;
          }
          if (kept.length > 0) {
            await this.keyv.set(`slot:${slot}`, kept);
            keptSlots.push(slot);
          } else await this.keyv.delete(`slot:${slot}`);
        }
        if (keptSlots.length > 0) {
          await this.keyv.set(`day:${day}`, keptSlots);
          keptDays.push(day);
        } else await this.keyv.delete(`day:${day}`);
      }
      await this.withLock('days', () => this.keyv.set('days', keptDays));
      for (const userId of touchedAuthors) {
        await this.withLock(`author:${userId}`, async () => {
          const record = await this.readAuthor(userId);
          const live: string[] = [];
          for (const id of record.incidentIds) if ((await this.keyv.get(`incident:${id}`)) !== undefined) live.push(id);
          record.incidentIds = live;
          record.reminders = record.reminders.filter((t) => t >= cutoffMs);
          record.observedReminders = record.observedReminders.filter((t) => t >= cutoffMs);
          await this.writeAuthor(record);
        });
      }
      return purged;
    });
  }

  async forgetUser(userId: string): Promise<number> {
    return this.guard(() =>
      this.withLock(`author:${userId}`, async () => {
        const record = await this.readAuthor(userId);
        let erased = 0;
        for (const id of record.incidentIds) {
          const incident = (await this.keyv.get(`incident:${id}`)) as Incident | undefined;
          if (!incident) continue;
          if (incident.authorId === userId) {
            await this.deleteIncident(incident);
            await this.removeFromList(`slot:${slotOf(incident.createdAt)}`, id);
            erased++;
          } else if (incident.reporterId === userId) {
            await this.keyv.set(`incident:${id}`, { ...incident, reporterId: undefined });
          }
        }
        if (record.name && (await this.keyv.get(`name:${record.name.toLowerCase()}`)) === userId) {
          await this.keyv.delete(`name:${record.name.toLowerCase()}`);
        }
        await this.keyv.delete(`author:${userId}`);
        return erased;
      }),
    );
  }

  async exportUser(userId: string): Promise<UserExport> {
    return this.guard(async () => {
      const stored = (await this.keyv.get(`author:${userId}`)) as AuthorRecord | undefined;
      const incidents: Incident[] = [];
      for (const id of stored?.incidentIds ?? []) {
        const incident = (await this.keyv.get(`incident:${id}`)) as Incident | undefined;
        if (incident) incidents.push(incident);
      }
      return { userId, author: stored, incidents };
    });
  }

  async ping(): Promise<void> {
    await this.guard(() => this.keyv.get('ping'));
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }

  private msgKey(platform: string, channelId: string, messageId: string): string {
    return `msg:${platform}:${channelId}:${messageId}`;
  }

  private async readAuthor(userId: string): Promise<AuthorRecord> {
    const stored = (await this.keyv.get(`author:${userId}`)) as AuthorRecord | undefined;
    return stored ? { ...emptyAuthor(userId), ...stored } : emptyAuthor(userId);
  }

  private async writeAuthor(record: AuthorRecord): Promise<void> {
    await this.keyv.set(`author:${record.userId}`, record);
    if (record.name) await this.keyv.set(`name:${record.name.toLowerCase()}`, record.userId);
  }

  private async deleteIncident(incident: Incident): Promise<void> {
    await this.keyv.delete(`incident:${incident.id}`);
    const msgKey = this.msgKey(incident.platform, incident.channelId, incident.messageId);
    if ((await this.keyv.get(msgKey)) === incident.id) await this.keyv.delete(msgKey);
  }

  private async list(key: string): Promise<string[]> {
    return ((await this.keyv.get(key)) as string[] | undefined) ?? [];
  }

  private slotsOf(day: string): Promise<string[]> {
    return this.list(`day:${day}`);
  }

  /** Appends to an index list; true when the list was empty (so the caller indexes the list itself). */
  private async addToList(key: string, id: string): Promise<boolean> {
    return this.withLock(key, async () => {
      const list = await this.list(key);
      if (!list.includes(id)) await this.keyv.set(key, [...list, id]);
      return list.length === 0;
    });
  }

  private async removeFromList(key: string, id: string): Promise<void> {
    await this.withLock(key, async () => {
      const list = ((await this.keyv.get(key)) as string[] | undefined) ?? [];
      await this.keyv.set(key, list.filter((x) => x !== id));
    });
  }

  /** Serialises read-modify-write on one key within this process. */
  private async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }

  /** Backend failures become a `StoreError`, so callers can tell "store down" from a bug. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`store operation failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
}

