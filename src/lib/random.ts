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
