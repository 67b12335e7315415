import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** `public/playground/` at the package root: same depth from `src/adapters/playground/` and `dist/adapters/playground/`. */
export const STATIC_DIR = fileURLToPath(new URL('../../../public/playground/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Everything is served from this origin; no inline script, so member text can never become code.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/** Serves one flat file of the static folder; false when the name is not one (the caller answers 404). */
export async function serveStatic(res: ServerResponse, urlPath: string, dir = STATIC_DIR): Promise<boolean> {
  const name = urlPath === '/' ? 'index.html' : urlPath.slice(1);
  // Flat names only: no folders, no dot-dot, nothing outside the static folder.
  if (!/^[a-z0-9][a-z0-9._-]*\.[a-z0-9]+$/i.test(name) || name.includes('..')) return false;
  const type = TYPES[path.extname(name).toLowerCase()];
  if (!type) return false;
  let body: Buffer;
  try {
    body = await readFile(path.join(dir, name));
  } catch {
    return false;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
  });
  res.end(body);
  return true;
}
