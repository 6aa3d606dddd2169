/**
 * Helpers shared by the chart components. Charts only ever see finite numbers: anything else is
 * dropped before a scale or a path is built, so an SVG never contains "NaN".
 */

/** Series colours, readable on white and distinguishable in greyscale order. */
export const PALETTE = ['#3b2db5', '#0d7a6f', '#b3261e', '#8a5300', '#1a73e8', '#5b6472'] as const;

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** [min, max] of the finite values (optionally with 0), widened when empty or flat. */
export function finiteExtent(values: readonly unknown[], includeZero = true): [number, number] {
  let min = includeZero ? 0 : Infinity;
  let max = includeZero ? 0 : -Infinity;
  for (const v of values) {
    if (!isFiniteNumber(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return [min - pad, max + pad];
  }
  return [min, max];
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 16, right: 20, bottom: 40, left: 72 };

/** A value clamped into a range (a marker outside the plot sits on its edge). */
export function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Math.min(Math.max(value, Math.min(low, high)), Math.max(low, high));
}
