import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../core/ports/logger.js';
import { describeError } from '../../core/errors.js';
import type { WorkspaceData } from './playground-workspace.js';

/**
 * Where the playground keeps its workspace: next to the embedded store, so one folder holds the whole
 * demo. `memory://` stores keep nothing on disk, so neither does the playground (tests, throwaway runs).
 */
export function stateFileFor(storeUrl: string): string | undefined {
  if (storeUrl.trim() === '' || storeUrl.startsWith('memory:')) return undefined;
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(storeUrl);
  const filePath = sqlite ? sqlite[1] : /^[a-z][a-z0-9+.-]*:\/\//i.test(storeUrl) ? undefined : storeUrl;
  // Redis / Postgres URLs have no local folder: use the default data folder.
  const dir = filePath ? path.dirname(filePath) : 'data';
  return path.join(dir, 'playground.json');
}

/** Reads the saved workspace; undefined when there is none or it is unreadable (then a fresh one is seeded). */
export async function loadWorkspaceFile(file: string, log: Logger): Promise<WorkspaceData | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err: describeError(err), file }, 'playground state unreadable, starting fresh');
    return undefined;
  }
  try {
    const data = JSON.parse(raw) as WorkspaceData;
    if (data?.version !== 1 || !Array.isArray(data.members) || !Array.isArray(data.channels) || !Array.isArray(data.messages)) {
      throw new Error('unexpected shape');
    }
    return data;
  } catch (err) {
    // Keep the broken file for inspection rather than overwriting it silently.
    const aside = `${file}.broken-${Date.now()}`;
    await rename(file, aside).catch(() => undefined);
    log.warn({ err: describeError(err), file, movedTo: aside }, 'playground state is not valid JSON, starting fresh');
    return undefined;
  }
}

/**
 * Saves the workspace after changes: writes go one at a time, the latest state wins, and each write
 * is a temp file renamed over the old one, so a crash mid-write never leaves half a file.
 */
export class WorkspaceFileWriter {
  private writing: Promise<void> | undefined;
  private pending = false;
  /** Set when the last write failed, cleared by the next good one; reported by /healthz. */
  lastError: string | undefined;

  constructor(
    private readonly file: string,
    private readonly read: () => WorkspaceData,
    private readonly log: Logger,
  ) {}

  schedule(): void {
    this.pending = true;
    if (!this.writing) this.writing = this.drain();
  }

  /** Resolves once everything scheduled so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        await this.writeNow();
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async writeNow(): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(tmp, JSON.stringify(this.read()), 'utf8');
      await rename(tmp, this.file);
      this.lastError = undefined;
    } catch (err) {
      this.lastError = describeError(err).message;
      this.log.error({ err: describeError(err), file: this.file }, 'could not save the playground state');
    }
  }
}
