/**
 * mulberry32: a small, fast, seedable PRNG (public domain, Tommy Ettinger). The same seed
 * gives the same sequence in the browser and on the server, which is what reproducible
 * Monte Carlo runs and the demo-data generator need. Not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted options with a random number in [0, 1). */
export function pickWeighted<T>(options: readonly (readonly [T, number])[], r: number): T {
  const total = options.reduce((a, [, w]) => a + w, 0);
  let x = r * total;
  for (const [value, weight] of options) {
    x -= weight;
    if (x < 0) return value;
  }
  return options[options.length - 1]![0];
}
