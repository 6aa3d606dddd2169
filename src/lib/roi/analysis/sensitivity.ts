/**
 * One-at-a-time sensitivity (a tornado): each numeric input is moved to its low and its high
 * with every other input at its value, and the NPV recomputed. Rows are sorted by swing,
 * |NPV(high) − NPV(low)|, largest first. The top BREAK_EVEN_ROWS rows also carry the input's
 * break-even, the value at which NPV is zero (./break-even.ts).
 */
import { numberFields, type InputValues, type Unit } from '../fields';
import { npv } from '../finance';
import { modelNpv, type ModelContext, type RoiModel } from '../models';
import { breakEven, type BreakEven } from './break-even';
import { testRange, type Range } from './ranges';

/** How many of the largest-swing inputs get a break-even: the ones worth arguing about. */
export const BREAK_EVEN_ROWS = 5;

export interface TornadoRow {
  key: string;
  label: string;
  unit: Unit;
  integer?: boolean | undefined;
  value: number;
  low: number;
  high: number;
  npvLow: number;
  npvHigh: number;
  swing: number;
  isFromBenchmark: boolean;
  /** Set on the top BREAK_EVEN_ROWS rows that move NPV at all. */
  breakEven?: BreakEven;
}

export interface Tornado {
  baseNpv: number;
  rows: TornadoRow[];
}

export function tornado(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  ranges: Record<string, Range | undefined>,
  options: { breakEvenRows?: number } = {},
): Tornado {
  const baseNpv = modelNpv(model, values, ctx);
  const rows: TornadoRow[] = [];
  const fields = numberFields(model.fields(ctx));
  for (const field of fields) {
    if (field.sensitivity === false) continue;
    const value = values[field.key];
    if (typeof value !== 'number') continue;
    const { low, high, isFromBenchmark } = testRange(field, value, ranges[field.key]);
    if (low === high) continue;
    const npvLow = modelNpv(model, { ...values, [field.key]: low }, ctx);
    const npvHigh = modelNpv(model, { ...values, [field.key]: high }, ctx);
    rows.push({
      key: field.key,
      label: field.label,
      unit: field.unit,
      integer: field.integer,
      value,
      low,
      high,
      npvLow,
      npvHigh,
      swing: Math.abs(npvHigh - npvLow),
      isFromBenchmark,
    });
  }
  rows.sort((a, b) => b.swing - a.swing);
  // The simulation's fast path is valid for uncertain inputs; it is prepared once, if needed.
  let prepared: ((v: InputValues) => number[]) | undefined;
  const discountRate = Number(values.discountRate ?? 0);
  for (const row of rows.slice(0, options.breakEvenRows ?? BREAK_EVEN_ROWS)) {
    if (row.swing === 0) break;
    const field = fields.find((f) => f.key === row.key)!;
    if (field.uncertain && model.prepareSimulation) {
      prepared ??= model.prepareSimulation(values, ctx);
    }
    const fast = field.uncertain ? prepared : undefined;
    const draw: InputValues = { ...values };
    const npvAt = (x: number) => {
      draw[row.key] = x;
      return fast ? npv(discountRate, fast(draw)) : modelNpv(model, draw, ctx);
    };
    row.breakEven = breakEven(npvAt, baseNpv, {
      ...row,
      min: field.min,
      max: field.max,
      integer: field.integer,
      isLinear: field.isNpvLinear,
    });
  }
  return { baseNpv, rows };
}
