/**
 * One-at-a-time sensitivity (a tornado): each numeric input is moved to its low and its high
 * with every other input at its value, and the NPV recomputed. Rows are sorted by swing,
 * |NPV(high) − NPV(low)|, largest first.
 */
import { numberFields, type InputValues, type Unit } from '../fields';
import { modelNpv, type ModelContext, type RoiModel } from '../models';
import { testRange, type Range } from './ranges';

export interface TornadoRow {
  key: string;
  label: string;
  unit: Unit;
  value: number;
  low: number;
  high: number;
  npvLow: number;
  npvHigh: number;
  swing: number;
  isFromBenchmark: boolean;
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
): Tornado {
  const baseNpv = modelNpv(model, values, ctx);
  const rows: TornadoRow[] = [];
  for (const field of numberFields(model.fields(ctx))) {
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
  return { baseNpv, rows };
}
