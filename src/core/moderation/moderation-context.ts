import { DEFAULT_THRESHOLD } from '../classifier/verdict.js';
import type { CoreConfig } from '../core-config.js';
import type { ChannelInfo } from '../model.js';
import type { Catalog } from '../messages/catalog.js';
import { catalogFor } from '../messages/catalog.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { DigestSetting, ModerationStore, StoredSettings } from '../ports/moderation-store.js';
import { DEFAULT_TIME_ZONE, localDay } from './local-time.js';
import { createSafePlatform } from './safe-platform.js';

/** How long the committee's settings are reused before the store is asked again. */
const SETTINGS_CACHE_MS = 2000;

/** The narrow context the core is built from (Draupnir style): ports and config, nothing else. */
export interface ModerationDeps {
  platform: ChatPlatform;
  store: ModerationStore;
  clock: Clock;
  log: Logger;
  config: CoreConfig;
}

/** Config merged with what the committee changed (the stored setting wins). */
export interface EffectiveSettings {
  mode: 'actif' | 'observation';
  threshold: number;
  exemptChannels: Array<{ id: string; name: string }>;
  launchDate?: string;
  /** True while today (coop time zone) is before the launch date. */
  grace: boolean;
  digest?: DigestSetting;
}

export interface ModerationContext extends ModerationDeps {
  catalog: Catalog;
  locale: 'fr' | 'en';
  timeZone: string;
  channels: { annonces?: ChannelInfo; committee?: ChannelInfo };
  /** Resolves the annonces and committee channels by name when not known yet. */
  resolveChannels(): Promise<void>;
  settings(): Promise<EffectiveSettings>;
}

export function createModerationContext(deps: ModerationDeps): ModerationContext {
  const timeZone = deps.config.timeZone ?? DEFAULT_TIME_ZONE;
  // Every message needs the committee's settings; they change a few times a year. A short cache
  // spares a store round trip per message; changes made through this context refresh it at once, and
  // another instance sees them within SETTINGS_CACHE_MS.
  let cached: { until: number; value: Promise<StoredSettings> } | undefined;
  const readSettings = (): Promise<StoredSettings> => {
    const now = deps.clock.now();
    if (!cached || cached.until <= now) {
      const value = deps.store.getSettings();
      cached = { until: now + SETTINGS_CACHE_MS, value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
  // Bound once per method: a store call is made for many events, a fresh bind each time is garbage.
  const bound = new Map<string | symbol, { from: unknown; fn: unknown }>();
  const store: ModerationStore = new Proxy(deps.store, {
    get(target, prop, receiver) {
      if (prop === 'updateSettings') {
        return async (patch: Partial<StoredSettings>) => {
          cached = undefined;
          const next = await target.updateSettings(patch);
          cached = { until: deps.clock.now() + SETTINGS_CACHE_MS, value: Promise.resolve(next) };
          return next;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      let entry = bound.get(prop);
      if (entry?.from !== value) {
        entry = { from: value, fn: (value as (...a: unknown[]) => unknown).bind(target) };
        bound.set(prop, entry);
      }
      return entry.fn;
    },
  });
  const ctx: ModerationContext = {
    ...deps,
    store,
    platform: createSafePlatform(deps.platform),
    catalog: catalogFor(deps.config.locale),
    locale: deps.config.locale,
    timeZone,
    channels: {},
    async resolveChannels() {
      if (!ctx.channels.annonces) ctx.channels.annonces = await deps.platform.findChannelByName(deps.config.annoncesChannel);
      if (!ctx.channels.committee) ctx.channels.committee = await deps.platform.findChannelByName(deps.config.committeeChannel);
    },
    async settings() {
      const stored = await readSettings();
      const launchDate = stored.launchDate;
      return {
        mode: stored.mode ?? deps.config.mode,
        threshold: stored.threshold ?? DEFAULT_THRESHOLD,
        exemptChannels: stored.exemptChannels ?? [],
        launchDate,
        grace: launchDate !== undefined && localDay(deps.clock.now(), timeZone) < launchDate,
        digest: stored.digest ?? undefined,
      };
    },
  };
  return ctx;
}
