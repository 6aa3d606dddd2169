/** Times are UTC ISO-8601 strings everywhere: they sort as text and mean the same in both dialects. */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A real calendar day written YYYY-MM-DD (2026-02-31 is not: Date.parse would roll it to March). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}
