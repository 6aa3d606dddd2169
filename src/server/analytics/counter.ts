/** Sums counts by a composite key, then yields rows: one upsert per key per batch. */
export class Counter<K extends Record<string, string | number>> {
  private readonly counts = new Map<string, { key: K; count: number }>();

  add(key: K, by = 1): void {
    const id = JSON.stringify(key);
    const entry = this.counts.get(id);
    if (entry) entry.count += by;
    else this.counts.set(id, { key, count: by });
  }

  rows(): (K & { count: number })[] {
    return [...this.counts.values()].map(({ key, count }) => ({ ...key, count }));
  }
}
