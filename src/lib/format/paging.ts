/** A 1-based page number from a query string value, clamped to at least 1. */
export function pageParam(value: string | null, max = 10_000): number {
  const page = Number.parseInt(value ?? '1', 10);
  if (!Number.isFinite(page) || page < 1) return 1;
  return Math.min(page, max);
}
