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
