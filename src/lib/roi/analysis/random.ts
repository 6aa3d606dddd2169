/**
 * Seeded randomness for reproducible simulations: the same seed gives the same draws on every
 * machine and in every browser, so a saved Monte Carlo run can be repeated exactly.
 */

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit generator, fast and good enough for
 * sampling inputs, not for cryptography. Returns a function giving numbers in [0, 1).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A triangular(low, mode, high) draw by inverting its CDF at u ∈ [0, 1):
 * u < c: low + √(u·(high − low)·(mode − low)); else high − √((1 − u)·(high − low)·(high − mode)),
 * where c = (mode − low)/(high − low). A zero-width range returns the mode.
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return mode;
  const cut = (mode - low) / width;
  return u < cut
    ? low + Math.sqrt(u * width * (mode - low))
    : high - Math.sqrt((1 - u) * width * (high - mode));
}

/** A fresh seed for a new run (any 32-bit unsigned integer). */
export function newSeed(): number {
  const bytes = new Uint32Array(1);
  crypto.getRandomValues(bytes);
  return bytes[0]!;
}
