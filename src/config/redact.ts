import { SECRET_NAMES } from './schema.js';

/** Values of secret variables, for scrubbing logs and for the test that greps logs for them. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  return SECRET_NAMES.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v.length >= 6);
}

/** Replaces any secret value found in a string with REDACTED. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('REDACTED');
  return out;
}
