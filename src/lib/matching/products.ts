/** The products two registrations have in common, in the order of the first list. */
export function productOverlap(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((p) => other.has(p));
}
