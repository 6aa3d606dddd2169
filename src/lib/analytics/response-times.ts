/** Buckets for first-response times, in minutes; the first boundary is the 5-minute deadline's neighbour. */
export const RESPONSE_BUCKETS: { label: string; maxMinutes: number }[] = [
  { label: '< 1 min', maxMinutes: 1 },
  { label: '1–5 min', maxMinutes: 5 },
  { label: '5–15 min', maxMinutes: 15 },
  { label: '15–30 min', maxMinutes: 30 },
  { label: '30–60 min', maxMinutes: 60 },
  { label: '1–4 h', maxMinutes: 240 },
  { label: '4–24 h', maxMinutes: 1440 },
  { label: '> 24 h', maxMinutes: Number.POSITIVE_INFINITY },
];

/** The bucket index of a response time (minutes from lead to first response). */
export function bucketOf(minutes: number): number {
  return RESPONSE_BUCKETS.findIndex((b) => minutes < b.maxMinutes);
}

/** Median of a list (null when empty); the mean of the two middle values for an even count. */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
