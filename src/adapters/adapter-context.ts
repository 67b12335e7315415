import type { AppConfig } from '../config/app-config.js';
import type { BotCore } from '../core/bot-core.js';
import type { ChatPlatform } from '../core/ports/chat-platform.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';

export interface HealthReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

/**
 * What the composition root hands to a platform adapter. The adapter builds its `ChatPlatform`, asks
 * for the core with `buildCore(platform)`, wires inbound events to it and serves HTTP on `config.port`
 * (at least `GET /healthz`, answered with `health()` plus its own platform check).
 */
export interface AdapterContext {
  config: AppConfig;
  log: Logger;
  clock: Clock;
  buildCore(platform: ChatPlatform): BotCore;
  /** Store reachability and anything else the root knows; the adapter adds its platform check. */
  health(): Promise<HealthReport>;
  /** Prometheus text for `GET /metrics`; serve both routes with `handleOpsRoute` from `src/ops/ops-routes.ts`. */
  metrics?(): string;
}

export interface RunningAdapter {
  /** Address printed at start (playground, HTTP mode), when there is one. */
  url?: string;
  /** Stops intake, lets in-flight work finish, closes sockets and servers. */
  stop(): Promise<void>;
}

export type StartAdapter = (ctx: AdapterContext) => Promise<RunningAdapter>;
