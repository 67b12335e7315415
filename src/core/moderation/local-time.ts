/** Calendar helpers in the coop's time zone (digest hour, launch date), from a clock reading. */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** Hour 0–23 of `ms` in `timeZone`. */
export function localHour(ms: number, timeZone: string): number {
  const h = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(ms)));
  return Number.isFinite(h) ? h % 24 : 0;
}

/**
 * Parses a launch date typed by the committee: `YYYY-MM-DD` or `DD/MM/YYYY`. Returns `YYYY-MM-DD`, or
 * undefined when it is not a real calendar date.
 */
export function parseDate(input: string): string | undefined {
  const text = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` as a Date at noon UTC, for formatting the day name without zone drift. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
