#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm start` and `npm test`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('charte-bot: dist/ is missing. Run `npm run build` once (npm start and npm test do it for you).\n');
  process.exit(1);
}
await import(entry);
