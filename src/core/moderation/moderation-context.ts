import { DEFAULT_THRESHOLD } from '../classifier/verdict.js';
import type { CoreConfig } from '../core-config.js';
import type { ChannelInfo } from '../model.js';
import type { Catalog } from '../messages/catalog.js';
import { catalogFor } from '../messages/catalog.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { DigestSetting, ModerationStore } from '../ports/moderation-store.js';
import { DEFAULT_TIME_ZONE, localDay } from './local-time.js';
import { createSafePlatform } from './safe-platform.js';

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
  const ctx: ModerationContext = {
    ...deps,
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
      const stored = await deps.store.getSettings();
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
