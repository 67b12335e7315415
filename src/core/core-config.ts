/** What the core needs from configuration. Built by `src/config/load-config.ts`; never read from env here. */
export interface CoreConfig {
  /** Channel where promotion is allowed, without `#`/`~`. */
  annoncesChannel: string;
  /** The committee's private channel, without `#`/`~`. */
  committeeChannel: string;
  /** The coop-wide channel where `/charte lancement` announces the annonces channel. */
  generalChannel: string;
  /** Start mode; the committee may switch it later (stored setting wins). */
  mode: 'actif' | 'observation';
  /** Where the charter is published; linked from every reminder when set. */
  charterUrl?: string;
  /** Incidents older than this are purged. */
  retentionDays: number;
  locale: 'fr' | 'en';
  /** One reminder per author per this many days. */
  cooldownDays: number;
  /** IANA time zone for the digest hour and the launch date. Optional, default `Europe/Paris`. */
  timeZone?: string;
}

export const defaultCoreConfig: CoreConfig = {
  annoncesChannel: 'annonces',
  committeeChannel: 'comite-charte',
  generalChannel: 'general',
  mode: 'actif',
  retentionDays: 90,
  locale: 'fr',
  cooldownDays: 7,
};
