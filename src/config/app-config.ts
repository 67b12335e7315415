import type { CoreConfig } from '../core/core-config.js';

export type PlatformConfig =
  | { kind: 'slack'; botToken: string; mode: 'socket'; appToken: string; apiUrl?: string }
  | { kind: 'slack'; botToken: string; mode: 'http'; signingSecret: string; apiUrl?: string }
  | { kind: 'mattermost'; url: string; token: string; team: string; commandToken?: string; publicUrl?: string }
  | { kind: 'playground' };

export interface AppConfig {
  platform: PlatformConfig;
  port: number;
  host?: string;
  storeUrl: string;
  logLevel: string;
  core: CoreConfig;
  /** Non-fatal remarks to log at start (e.g. a missing optional variable). */
  warnings: string[];
}
