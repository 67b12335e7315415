import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearRedisNamespace, isPortOpen } from './redis-available.js';

const CHILD = join(import.meta.dirname, 'crash-child.mjs');
const built = existsSync(join(import.meta.dirname, '../../dist/core/moderation/create-moderation-bot.js'));
const redisUp = await isPortOpen(6379);
if (!built) console.warn('[skip] crash/restart test: dist/ is not built (npm test builds it first)');

const AUTHORS = 20;
const EVENTS = 200;

function events() {
  return Array.from({ length: EVENTS }, (_, i) => ({
    platform: 'slack',
    id: `1700000000.${String(i).padStart(6, '0')}`,
    eventId: `Ev${i}`,
    channel: { id: 'CGEN', name: 'general', kind: 'public' },
    author: { id: `U${i % AUTHORS}`, name: `membre${i % AUTHORS}`, isBot: false },
    text: `Offre spéciale : mes séances de sophrologie à ${30 + (i % 40)} € au lieu de 60 €, réservez vite en MP ! (${i})`,
    isEdit: false,
    at: Date.now(),
  }));
}

function runChild(storeUrl: string, namespace: string, eventsFile: string, dmsFile: string, killAfterDms?: number) {
  return new Promise<{ killed: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, storeUrl, namespace, eventsFile, dmsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let poll: NodeJS.Timeout | undefined;
    if (killAfterDms !== undefined) {
      poll = setInterval(() => {
        const lines = existsSync(dmsFile) ? readFileSync(dmsFile, 'utf8').split('\n').filter(Boolean).length : 0;
        if (lines >= killAfterDms) child.kill('SIGKILL');
      }, 5);
    }
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      if (signal === 'SIGKILL') resolve({ killed: true });
      else if (code === 0) resolve({ killed: false });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

const backends = [
  { name: 'sqlite', url: (dir: string) => `sqlite://${join(dir, 'kv.sqlite')}`, available: true },
  { name: 'redis', url: () => 'redis://127.0.0.1:6379', available: redisUp },
];

describe.skipIf(!built)('killed mid-stream, then restarted', () => {
  for (const backend of backends) {
    it.skipIf(!backend.available)(`${backend.name}: history and cooldowns survive a SIGKILL and replayed events send nothing twice`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'charte-crash-'));
      const eventsFile = join(dir, 'events.json');
      const dmsFile = join(dir, 'dms.jsonl');
      writeFileSync(eventsFile, JSON.stringify(events()));
      const namespace = `crash-${process.pid}-${Date.now()}`;

      const first = await runChild(backend.url(dir), namespace, eventsFile, dmsFile, 8);
      expect(first.killed).toBe(true);
      // The restarted process replays every event from the start, as a platform redelivering would.
      const second = await runChild(backend.url(dir), namespace, eventsFile, dmsFile);
      expect(second.killed).toBe(false);

      const dms = readFileSync(dmsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { userId: string; pid: number });
      const perAuthor = new Map<string, number>();
      for (const dm of dms) perAuthor.set(dm.userId, (perAuthor.get(dm.userId) ?? 0) + 1);
      expect(perAuthor.size).toBe(AUTHORS); // nobody lost
      expect([...perAuthor.entries()].filter(([, n]) => n !== 1)).toEqual([]); // nobody reminded twice
      expect(new Set(dms.map((d) => d.pid)).size).toBe(2); // both processes really sent some
      if (backend.name === 'redis') await clearRedisNamespace(namespace);
    }, 60_000);
  }
});
