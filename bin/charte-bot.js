#!/usr/bin/env -S node --max-old-space-size=128
// Thin launcher: the compiled CLI lives in dist/ (built on `npm install`, rebuilt by `npm start` and `npm test`).
// The heap cap keeps a long-running bot small and flat (its live heap is a few tens of MB; see bench:e2e).
// `npm start` passes the same flag; run `node --max-old-space-size=N bin/charte-bot.js start` for more.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('charte-bot: dist/ is missing. Run `npm run build` once (npm start and npm test do it for you).\n');
  process.exit(1);
}
await import(entry);
