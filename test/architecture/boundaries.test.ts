import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const coreFiles = filesUnder(join(ROOT, 'src', 'core'));

/** The Clock port's own default is the one place allowed to read the system time. */
const CLOCK_PORT = 'src/core/ports/clock.ts';

describe('src/core stays platform-free', () => {
  it('has files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });

  it.each([
    ['@slack/', /from\s+['"]@slack\//],
    ['@mattermost/', /from\s+['"]@mattermost\//],
    ['node:http', /from\s+['"](node:)?https?['"]/],
    ['process.env', /process\.env/],
  ])('no file imports or mentions %s', (_label, pattern) => {
    const offenders = coreFiles.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('reads time only through the Clock port', () => {
    const offenders = coreFiles
      .filter((f) => relative(ROOT, f) !== CLOCK_PORT && /Date\.now\(\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('would catch an offender (the checks are live)', () => {
    expect(/from\s+['"]@slack\//.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(/process\.env/.test('const t = process.env.SLACK_BOT_TOKEN;')).toBe(true);
  });
});
