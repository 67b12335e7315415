import type { Reason } from '../classifier/verdict.js';
import type { PlatformName, PostedRef } from '../model.js';

/** What kind of case an incident is. */
export type IncidentKind = 'promotion' | 'conduct' | 'report';

/** What the bot did about it (mirrors `Decision['kind']` for the decisions that leave a trace). */
export type IncidentAction =
  | 'remind'
  | 'record-repeat'
  | 'observe-would-remind'
  | 'observe-repeat'
  | 'notify-conduct'
  | 'report';

export type CommitteeVerdict = 'false_positive' | 'confirmed';

/** One noticed message. Kept `retentionDays`, then purged. */
export interface Incident {
  id: string;
  kind: IncidentKind;
  platform: PlatformName;
  channelId: string;
  channelName: string;
  messageId: string;
  authorId: string;
  authorName: string;
  permalink?: string;
  /** At most 280 characters of the message, for the committee. */
  excerpt: string;
  /**
   * The message text, kept only while the author may still click «Publier dans #annonces» (cleared when
   * the incident closes), capped at 4000 characters.
   */
  repostText?: string;
  reasons: Reason[];
  score: number;
  action: IncidentAction;
  /** True when the launch grace period was on (softer reminder, committee not alerted). */
  grace?: boolean;
  status: 'open' | 'closed';
  closedBy?: 'deleted' | 'reposted';
  contested: boolean;
  verdict?: CommitteeVerdict;
  verdictBy?: string;
  /** For `report` incidents: who reported it (cleared by `forgetUser`). */
  reporterId?: string;
  reportReason?: string;
  dmRef?: PostedRef;
  committeeRef?: PostedRef;
  /** The committee line as posted, so a verdict can update it. */
  committeeText?: string;
  /**
   * A committee line is owed but not posted yet (set before the DM, cleared after the line): a
   * redelivery after a failure posts it instead of reminding twice.
   */
  committeeDue?: boolean;
  /** Set once the incident has been included in a daily digest. */
  digested?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** One member's trace: what the cooldown, the rotation and `mes-donnees` need. */
export interface AuthorRecord {
  userId: string;
  name?: string;
  /** When a reminder DM was actually sent (actif mode), epoch ms. */
  reminders: number[];
  /** When a reminder would have been sent (observation mode), so the shadow run mirrors the real one. */
  observedReminders: number[];
  /** Index of the last joke variant sent, so the next one differs. */
  lastVariant?: number;
  /** Last « récidive » alert, so the committee gets one per streak. */
  recidiveAlertedAt?: number;
  /** Incidents about this member or reported by them (for forget/export). */
  incidentIds: string[];
}

export interface DigestSetting {
  /** Local hour (0–23, config time zone) at which the daily summary is posted. */
  hour: number;
}

/** Settings the committee changed; anything unset falls back to config. */
export interface StoredSettings {
  mode?: 'actif' | 'observation';
  threshold?: number;
  exemptChannels?: Array<{ id: string; name: string }>;
  /** `YYYY-MM-DD`: until that day, reminders are softer and the committee is not alerted. */
  launchDate?: string;
  /** When set, committee lines are grouped into one summary a day instead of one per incident. */
  digest?: DigestSetting | null;
  lastDigestDay?: string;
  lastDigestAt?: number;
  lastPurgeDay?: string;
}

export interface UserExport {
  userId: string;
  author?: AuthorRecord;
  incidents: Incident[];
}

/**
 * The bot's memory. Implementations: `KeyvModerationStore` (sqlite, redis, postgres, memory). Methods
 * throw `StoreError` when the backend is unreachable, so the caller can release its claim and let the
 * platform redeliver.
 */
export interface ModerationStore {
  /** Marks an event as being handled. False when it was already claimed and the claim has not expired. */
  claimEvent(key: string, ttlMs: number): Promise<boolean>;
  /** Drops a claim after a failure, so a redelivery can retry. */
  releaseEvent(key: string): Promise<void>;

  /** Creates or updates an incident, keeping the message, day and author indexes. */
  saveIncident(incident: Incident): Promise<void>;
  getIncident(id: string): Promise<Incident | undefined>;
  findIncidentByMessage(platform: PlatformName, channelId: string, messageId: string): Promise<Incident | undefined>;
  /** Incidents created in `[sinceMs, untilMs]`, oldest first. */
  listIncidents(sinceMs: number, untilMs: number): Promise<Incident[]>;

  /** Never undefined: a member with no trace gets an empty record. */
  getAuthor(userId: string): Promise<AuthorRecord>;
  saveAuthor(record: AuthorRecord): Promise<void>;
  /** Finds a member id by the display name the bot saw (for `oublier @nom`). */
  findUserIdByName(name: string): Promise<string | undefined>;

  getSettings(): Promise<StoredSettings>;
  updateSettings(patch: Partial<StoredSettings>): Promise<StoredSettings>;

  /** Deletes incidents created before `cutoffMs` and old reminder timestamps; returns how many incidents went. */
  purgeOlderThan(cutoffMs: number): Promise<number>;
  /** Erases a member: their incidents, history and name; blanks them as a reporter. Returns incidents erased. */
  forgetUser(userId: string): Promise<number>;
  exportUser(userId: string): Promise<UserExport>;

  /** Throws when the backend is unreachable (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function emptyAuthor(userId: string): AuthorRecord {
  return { userId, reminders: [], observedReminders: [], incidentIds: [] };
}
