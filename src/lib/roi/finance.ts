/**
 * Finance functions with spreadsheet conventions, pure and isomorphic (the browser and the
 * server run the same code).
 *
 * Sign convention: money paid out is negative, money received is positive, as in Excel,
 * Google Sheets, LibreOffice and numpy-financial. `when` says whether periodic payments fall
 * at the `'end'` of each period (the default, Excel's type 0) or at the `'begin'`ning (type 1).
 * Rates are fractions per period (0.05 = 5 %). Every function accepts `rate = 0`.
 *
 * The discounted-cash-flow functions (npv, irr, mirr, paybacks) live in ./cash-flows.ts and the
 * dated ones (xnpv, xirr) in ./dated.ts; this module re-exports them so callers import one place.
 */
export { npv, npvExcel, irr, mirr, paybackPeriod, discountedPaybackPeriod } from './cash-flows';
export { xnpv, xirr } from './dated';
export { pmt, ipmt, ppmt } from './amortisation';
import type { When } from './amortisation';
import { nearestBracketedRoot, RATE_GRID } from './solve';
export type { When };

function whenFactor(when: When): 0 | 1 {
  return when === 'begin' ? 1 : 0;
}

/** (1 + r)^n − 1 without cancellation for small r. */
function growthMinusOne(rate: number, nper: number): number {
  return Math.expm1(nper * Math.log1p(rate));
}

/** (1 + r·w)·((1 + r)^n − 1)/r, the annuity factor, with its limit n at r = 0. */
function annuityFactor(rate: number, nper: number, when: When): number {
  if (rate === 0) return nper;
  return ((1 + rate * whenFactor(when)) * growthMinusOne(rate, nper)) / rate;
}

/**
 * Future value after `nper` periods of a present value and a fixed payment (Excel FV,
 * numpy-financial `fv`). Solves fv + pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r = 0; at r = 0,
 * fv + pv + pmt·n = 0.
 */
export function fv(
  rate: number,
  nper: number,
  pmt: number,
  pv: number,
  when: When = 'end',
): number {
  return -(pv * (1 + rate) ** nper + pmt * annuityFactor(rate, nper, when));
}

/** Present value of a fixed payment stream and a future value (Excel PV); same equation as fv. */
export function pv(rate: number, nper: number, pmt: number, fv = 0, when: When = 'end'): number {
  return -(fv + pmt * annuityFactor(rate, nper, when)) / (1 + rate) ** nper;
}

/**
 * Number of periods to take `pv` to `fv` with payment `pmt` (Excel NPER). At r = 0 it is
 * −(fv + pv)/pmt (Infinity when pmt is 0); otherwise ln((−fv + z)/(pv + z))/ln(1 + r) with
 * z = pmt·(1 + r·w)/r. Returns NaN when no number of periods can get there.
 */
export function nper(rate: number, pmt: number, pv: number, fv = 0, when: When = 'end'): number {
  if (rate === 0) return -(fv + pv) / pmt;
  const z = (pmt * (1 + rate * whenFactor(when))) / rate;
  return Math.log((-fv + z) / (pv + z)) / Math.log(1 + rate);
}

/**
 * Interest rate per period (Excel RATE): a root of
 * g(r) = fv + pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r (with its limit at r = 0).
 * Newton's method from `guess` (default 0.1) first, as spreadsheets do; when it fails (it
 * leaves (−1, ∞), stalls, or does not settle in 100 steps), the sign changes of g on
 * RATE_GRID (−100 % to 10,000 %) are bracketed and solved with Brent's method, and the root
 * nearest the guess is returned. Null when g has no sign change there, e.g. when pmt, pv and fv
 * all have the same sign and no rate can repay the loan.
 */
export function rate(
  nper: number,
  pmt: number,
  pv: number,
  fv = 0,
  when: When = 'end',
  guess = 0.1,
): number | null {
  const w = whenFactor(when);
  const newton = rateByNewton(nper, pmt, pv, fv, w, guess);
  if (newton !== null) return newton;
  return nearestBracketedRoot((r) => rateSign(r, nper, pmt, pv, fv, w), RATE_GRID, guess);
}

function rateByNewton(
  nper: number,
  pmt: number,
  pv: number,
  fv: number,
  w: 0 | 1,
  guess: number,
): number | null {
  let r = guess;
  for (let i = 0; i < 100; i++) {
    const [g, slope] = rateEquation(r, nper, pmt, pv, fv, w);
    if (!Number.isFinite(g) || !Number.isFinite(slope) || slope === 0) return null;
    const next = r - g / slope;
    if (!Number.isFinite(next) || next <= -1) return null;
    if (Math.abs(next - r) < 1e-12) return next;
    r = next;
  }
  return null;
}

/**
 * g(r) for r ≤ 0 and g(r)/(1+r)^n for r > 0: the same sign as g and continuous, but finite for
 * every rate on the grid ((1+r)^n overflows at 10,000 % long before n = 360).
 */
function rateSign(r: number, n: number, pmt: number, pv: number, fv: number, w: 0 | 1): number {
  if (r === 0) return fv + pv + pmt * n;
  const l = Math.log1p(r);
  if (r < 0) return fv + pv * Math.exp(n * l) + (pmt * (1 + r * w) * Math.expm1(n * l)) / r;
  return fv * Math.exp(-n * l) + pv - (pmt * (1 + r * w) * Math.expm1(-n * l)) / r;
}

/** g(r) and g'(r) for rate(); near r = 0 the Taylor limits avoid dividing by zero. */
function rateEquation(
  r: number,
  n: number,
  pmt: number,
  pv: number,
  fv: number,
  w: 0 | 1,
): [number, number] {
  if (Math.abs(r) < 1e-10) {
    return [fv + pv + pmt * n, n * pv + pmt * (n * w + (n * (n - 1)) / 2)];
  }
  const grown = growthMinusOne(r, n); // (1 + r)^n − 1
  const t1 = grown + 1;
  const t2 = t1 / (1 + r);
  const g = fv + pv * t1 + (pmt * (1 + r * w) * grown) / r;
  const slope =
    n * t2 * pv -
    (pmt * grown * (1 + r * w)) / r ** 2 +
    (n * pmt * t2 * (1 + r * w)) / r +
    (pmt * grown * w) / r;
  return [g, slope];
}

/**
 * Compound annual growth rate from `start` to `end` over `years`: (end/start)^(1/years) − 1.
 * Throws RangeError unless start > 0, end >= 0 and years > 0.
 */
export function cagr(start: number, end: number, years: number): number {
  if (!(start > 0) || !(end >= 0) || !(years > 0)) {
    throw new RangeError('cagr needs start > 0, end >= 0 and years > 0');
  }
  return (end / start) ** (1 / years) - 1;
}

/** `start` grown at `rate` a year, compounded, for `years` (fractional years allowed). */
export function projectValue(start: number, rate: number, years: number): number {
  return start * (1 + rate) ** years;
}
