import type { NumberField } from '../fields';

export interface Range {
  low: number;
  high: number;
}

/** When the evidence gives no range, inputs move ±20% around their value. */
export const FALLBACK_SWING = 0.2;

/**
 * The low and high an input is tested at: the benchmark range when there is one, else ±20%
 * of the value; kept inside the field's allowed range and whole for whole-number fields.
 */
export function testRange(
  field: NumberField,
  value: number,
  range: Range | undefined,
): Range & { isFromBenchmark: boolean } {
  let low = range ? range.low : value * (1 - FALLBACK_SWING);
  let high = range ? range.high : value * (1 + FALLBACK_SWING);
  if (low > high) [low, high] = [high, low];
  low = Math.min(Math.max(low, field.min), field.max);
  high = Math.min(Math.max(high, field.min), field.max);
  if (field.integer) {
    low = Math.round(low);
    high = Math.round(high);
  }
  return { low, high, isFromBenchmark: range !== undefined };
}
