import type { InputValues } from './fields';

/** Keys whose values differ between two scenarios of the same model (for highlighting). */
export function changedKeys(base: InputValues, other: InputValues): string[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(other)]);
  return [...keys].filter((k) => base[k] !== other[k]);
}
