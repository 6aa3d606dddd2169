/**
 * Discounted-cash-flow measures for evenly spaced cash flows, spreadsheet sign convention
 * (money paid out is negative). Re-exported by ./finance.ts.
 */
import { nearestBracketedRoot, RATE_GRID } from './solve';

/**
 * Net present value with `values[0]` at t = 0, not discounted (numpy-financial `npv`):
 * Σ values[t] / (1 + rate)^t.
 */
export function npv(rate: number, values: readonly number[]): number {
  let total = 0;
  let factor = 1;
  for (const value of values) {
    total += value / factor;
    factor *= 1 + rate;
  }
  return total;
}

/**
 * Excel's NPV: every value is discounted, the first by one period:
 * Σ values[i] / (1 + rate)^(i+1). Add a t = 0 outlay outside the function, as Excel's help does.
 */
export function npvExcel(rate: number, values: readonly number[]): number {
  return npv(rate, values) / (1 + rate);
}

function hasSignChange(values: readonly number[]): boolean {
  return values.some((v) => v > 0) && values.some((v) => v < 0);
}

/** NPV and its derivative with respect to the rate, for Newton's method. */
function npvAndSlope(rate: number, values: readonly number[]): [number, number] {
  let value = 0;
  let slope = 0;
  const base = 1 + rate;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] ?? 0;
    value += v / base ** t;
    slope -= (t * v) / base ** (t + 1);
  }
  return [value, slope];
}

/** Newton's method from `guess`; null when it leaves (−1, ∞) or does not settle in 50 steps. */
function newtonRoot(values: readonly number[], guess: number): number | null {
  let r = guess;
  for (let i = 0; i < 50; i++) {
    const [value, slope] = npvAndSlope(r, values);
    if (slope === 0 || !Number.isFinite(slope)) return null;
    const next = r - value / slope;
    if (!Number.isFinite(next) || next <= -1) return null;
    if (Math.abs(next - r) < 1e-12) return next;
    r = next;
  }
  return null;
}

/**
 * NPV for r ≥ 0, and NPV·(1+r)^T (T the last period) for r < 0: the same sign and continuous,
 * but finite near r = −1, where 1/(1+r)^t overflows and a bracket on NPV itself is lost.
 */
function npvSign(rate: number, values: readonly number[]): number {
  if (rate >= 0) return npv(rate, values);
  let total = 0;
  let factor = 1;
  for (let t = values.length - 1; t >= 0; t--) {
    total += (values[t] ?? 0) * factor;
    factor *= 1 + rate;
  }
  return total;
}

/**
 * Internal rate of return: the rate at which the NPV of `values` (t = 0 first) is zero.
 * Newton's method from `guess` (default 0.1) like Excel; if that fails, the sign changes of
 * NPV on RATE_GRID (−100 % exclusive to 10,000 %, including (−100 %, −99 %]) are bracketed,
 * solved with Brent's method, and the root nearest the guess is returned.
 * Returns null when the values never change sign or no root is found.
 */
export function irr(values: readonly number[], guess = 0.1): number | null {
  if (!hasSignChange(values)) return null;
  const newton = newtonRoot(values, guess);
  if (newton !== null && Math.abs(npv(newton, values)) < 1e-6 * maxAbs(values)) return newton;
  return nearestBracketedRoot((r) => npvSign(r, values), RATE_GRID, guess);
}

function maxAbs(values: readonly number[]): number {
  return Math.max(1, ...values.map(Math.abs));
}

/**
 * Modified IRR (Excel MIRR, numpy-financial `mirr`): negative flows are discounted at
 * `financeRate`, positive flows compounded at `reinvestRate`, over n − 1 periods:
 * (|NPV(reinvest, positives)| / |NPV(finance, negatives)|)^(1/(n−1)) · (1 + reinvest) − 1.
 * Returns null unless there is at least one positive and one negative value.
 */
export function mirr(
  values: readonly number[],
  financeRate: number,
  reinvestRate: number,
): number | null {
  if (!hasSignChange(values)) return null;
  const positives = values.map((v) => (v > 0 ? v : 0));
  const negatives = values.map((v) => (v < 0 ? v : 0));
  const numerator = Math.abs(npv(reinvestRate, positives));
  const denominator = Math.abs(npv(financeRate, negatives));
  return (numerator / denominator) ** (1 / (values.length - 1)) * (1 + reinvestRate) - 1;
}

/**
 * Periods until the cumulative sum of `values` (t = 0 first) first reaches 0, interpolated
 * linearly inside the period where it crosses: 0 when values[0] >= 0, null if it never does.
 * Example: [-100, 60, 60] → 1 + 40/60 = 1.67 periods.
 */
export function paybackPeriod(values: readonly number[]): number | null {
  const first = values[0] ?? 0;
  if (first >= 0) return 0;
  let cumulative = first;
  for (let t = 1; t < values.length; t++) {
    const value = values[t] ?? 0;
    const next = cumulative + value;
    if (next >= 0) return t - 1 + -cumulative / value;
    cumulative = next;
  }
  return null;
}

/** paybackPeriod on values discounted at `rate` (values[t] / (1 + rate)^t). */
export function discountedPaybackPeriod(rate: number, values: readonly number[]): number | null {
  return paybackPeriod(values.map((v, t) => v / (1 + rate) ** t));
}
