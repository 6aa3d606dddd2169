/**
 * A believability guard. Business cases past ROI 1,000% or with payback inside a month are
 * rarely believed by the executives they are meant for, and usually rest on one or two inputs
 * at their most favourable. Such results say what drives them and offer conservative inputs in
 * one click: the inputs that move NPV most (the tornado's top rows) at the unfavourable end of
 * their tested range, and every risk adjustment at the top of its range. Thresholds are our
 * judgement, not a published rule: Forrester's TEI studies, the convention buyers know, rarely
 * report more than a few hundred percent (the SalesLoft study cited in content/benchmarks
 * reports 329%, payback under six months).
 */
import { formatPercent } from '../format';
import { numberFields, type InputValues, type Unit } from '../fields';
import type { ModelContext, ModelResult, RoiModel } from '../models';
import type { BenefitLine } from '../risk';
import type { Range } from './ranges';
import type { Tornado } from './sensitivity';

export const ROI_LIMIT = 10; // 1,000%
export const PAYBACK_LIMIT_YEARS = 1 / 12; // one month

/** How many of the largest-swing inputs the conservative case moves. */
export const CONSERVATIVE_DRIVERS = 3;

export interface ConservativeChange {
  key: string;
  label: string;
  unit: Unit;
  from: number;
  to: number;
}

export interface Believability {
  isUnusual: boolean;
  /** Why, in words: "ROI 2,407% is above 1,000%". */
  reasons: string[];
  /** The inputs that drive the result most, largest swing first. */
  drivers: { key: string; label: string; unit: Unit; value: number }[];
  /** The conservative case: what changes, and the headline it gives. */
  changes: ConservativeChange[];
  after: { npv: number; roi: number | null; paybackYears: number | null } | null;
}

function reasonsFor(result: Pick<ModelResult, 'roi' | 'paybackYears'>): string[] {
  const reasons: string[] = [];
  if (result.roi !== null && result.roi > ROI_LIMIT) {
    reasons.push(`ROI of ${formatPercent(result.roi, 0)} is above ${formatPercent(ROI_LIMIT, 0)}`);
  }
  if (result.paybackYears !== null && result.paybackYears < PAYBACK_LIMIT_YEARS) {
    const days = Math.round(result.paybackYears * 365);
    reasons.push(
      days === 0
        ? 'payback is immediate'
        : `payback in ${days} ${days === 1 ? 'day' : 'days'} is under a month`,
    );
  }
  return reasons;
}

/** Whether a result needs the guard, and the conservative case to offer when it does. */
export function checkBelievability(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  result: Pick<ModelResult, 'roi' | 'paybackYears'>,
  sensitivity: Tornado,
  ranges: Record<string, Range | undefined>,
  lines: readonly BenefitLine[],
): Believability {
  const reasons = reasonsFor(result);
  if (reasons.length === 0) {
    return { isUnusual: false, reasons, drivers: [], changes: [], after: null };
  }
  const fields = numberFields(model.fields(ctx));
  // Uncertain quantities only: the horizon and the calendar are choices, not evidence.
  const isUncertain = (key: string) => fields.find((f) => f.key === key)?.uncertain === true;
  const top = sensitivity.rows
    .filter((r) => r.swing > 0 && (r.isFromBenchmark || isUncertain(r.key)))
    .slice(0, CONSERVATIVE_DRIVERS);
  const changes: ConservativeChange[] = top.map((r) => ({
    key: r.key,
    label: r.label,
    unit: r.unit,
    from: r.value,
    to: r.npvLow <= r.npvHigh ? r.low : r.high,
  }));
  for (const line of lines) {
    const range = ranges[line.key];
    const value = values[line.key];
    const field = fields.find((f) => f.key === line.key);
    if (!range || typeof value !== 'number' || !field || range.high <= value) continue;
    changes.push({
      key: line.key,
      label: field.label,
      unit: field.unit,
      from: value,
      to: range.high,
    });
  }
  const conservative = { ...values };
  for (const c of changes) conservative[c.key] = c.to;
  let after: Believability['after'] = null;
  try {
    const r = model.evaluate(conservative, ctx);
    after = { npv: r.npv, roi: r.roi, paybackYears: r.paybackYears };
  } catch {
    after = null; // a conservative value outside a field's bounds: offer nothing false
  }
  return {
    isUnusual: true,
    reasons,
    drivers: top.map((r) => ({ key: r.key, label: r.label, unit: r.unit, value: r.value })),
    changes,
    after,
  };
}

/** Whether the conservative case is still past the guard's limits. */
export function isStillUnusual(b: Believability): boolean {
  return b.after !== null && reasonsFor(b.after).length > 0;
}
