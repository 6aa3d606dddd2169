/**
 * Cash flows on calendar dates (Excel XNPV and XIRR): time is (date − first date) / 365 days,
 * Excel's Actual/365 convention; times of day are ignored. Dates are ISO strings (YYYY-MM-DD,
 * or a full ISO timestamp whose date part is used).
 */

import { nearestBracketedRoot, RATE_GRID } from './solve';

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return time / DAY_MS;
}

/** Years after the first date, Actual/365. Throws RangeError like Excel's #NUM!/#VALUE!. */
function yearFractions(values: readonly number[], dates: readonly string[]): number[] {
  if (values.length !== dates.length || values.length === 0) {
    throw new RangeError('values and dates must have the same, non-zero length');
  }
  const days = dates.map(dayNumber);
  const start = days[0]!;
  if (days.some((d) => d < start)) throw new RangeError('no date may precede the first date');
  return days.map((d) => (d - start) / 365);
}

/** Net present value of dated cash flows: Σ values[i] / (1 + rate)^((dᵢ − d₀)/365). */
export function xnpv(rate: number, values: readonly number[], dates: readonly string[]): number {
  const years = yearFractions(values, dates);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i] ?? 0) / (1 + rate) ** years[i]!;
  return total;
}

/**
 * The annual rate at which xnpv is zero (Excel XIRR): Newton's method from `guess` (default
 * 0.1); if it fails, the sign changes of xnpv on RATE_GRID (−100 % exclusive to 10,000 %,
 * including (−100 %, −99 %]) are bracketed and solved with Brent's method, and the root nearest
 * the guess is returned. Null when the values never change sign or no rate is found.
 */
export function xirr(
  values: readonly number[],
  dates: readonly string[],
  guess = 0.1,
): number | null {
  const years = yearFractions(values, dates);
  if (!(values.some((v) => v > 0) && values.some((v) => v < 0))) return null;
  const newton = xirrByNewton(values, years, guess);
  if (newton !== null) return newton;
  const last = Math.max(...years);
  // xnpv for r ≥ 0; xnpv·(1+r)^T below 0, which has its sign but stays finite near r = −1.
  const sign = (r: number) => {
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      const exponent = r >= 0 ? -years[i]! : last - years[i]!;
      total += (values[i] ?? 0) * (1 + r) ** exponent;
    }
    return total;
  };
  return nearestBracketedRoot(sign, RATE_GRID, guess);
}

function xirrByNewton(values: readonly number[], years: readonly number[], guess: number) {
  let r = guess;
  for (let i = 0; i < 100; i++) {
    let value = 0;
    let slope = 0;
    for (let j = 0; j < values.length; j++) {
      const v = values[j] ?? 0;
      const t = years[j]!;
      value += v / (1 + r) ** t;
      slope -= (t * v) / (1 + r) ** (t + 1);
    }
    const next = r - value / slope;
    if (!Number.isFinite(next) || next <= -1) return null;
    if (Math.abs(next - r) < 1e-12) return next;
    r = next;
  }
  return null;
}
