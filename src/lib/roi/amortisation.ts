/**
 * Loan payments and their interest and principal parts (Excel PMT, IPMT, PPMT), in a form that
 * stays accurate when (1 + r)^n is huge. Re-exported by ./finance.ts; same conventions.
 *
 * Why not the textbook form: IPMT is the balance at the start of the period times the rate, and
 * the balance after k periods, pv·(1+r)^k + pmt·((1+r)^k − 1)/r, subtracts two numbers of size
 * |pv|·(1+r)^k to leave one of size |pv|. Past (1+r)^k ≈ 10^9 the digits cancel:
 * IPMT(0.275938, 255, 360, −2403.65) is 663.26, and the textbook form returns 2.4·10^15.
 * Substituting the payment gives the balance without the cancellation,
 *   B_k = pv·(G_n − G_k)/(G_n − 1) − fv·(G_k − 1)/(G_n − 1),   G_j = (1 + r)^j,
 * and the principal part of payment k, B_{k−1} − B_k = (pv + fv)·r·G_{k−1}/(G_n − 1).
 * Every ratio of powers is evaluated with exponents ≤ 0 (through expm1 and log1p), so nothing
 * overflows and nothing cancels. The `'begin'` convention is numpy-financial's and Excel's: no
 * interest in period 1, later periods' parts discounted by one period.
 */

export type When = 'end' | 'begin';

/** The ratios of powers of (1 + r) that the balance formulas need, for a loan of n periods. */
interface Powers {
  /** (G_n − G_k)/(G_n − 1): the share of pv still owed after k periods. */
  remaining(k: number): number;
  /** (G_k − 1)/(G_n − 1): the share of fv accumulated after k periods. */
  accumulated(k: number): number;
  /** r·G_k/(G_n − 1): the principal repaid in period k + 1, per unit of pv + fv. */
  principal(k: number): number;
  /** r·G_n/(G_n − 1) and r/(G_n − 1): the payment per unit of pv and of fv. */
  perPv: number;
  perFv: number;
}

function powers(rate: number, n: number): Powers {
  if (rate === 0) {
    return {
      remaining: (k) => (n - k) / n,
      accumulated: (k) => k / n,
      principal: () => 1 / n,
      perPv: 1 / n,
      perFv: 1 / n,
    };
  }
  const l = Math.log1p(rate);
  if (rate > 0) {
    // Divide through by G_n: every exponent is −(n − k)·l or −n·l, at most 0.
    const denominator = -Math.expm1(-n * l); // 1 − G_{−n}, in (0, 1]
    return {
      remaining: (k) => -Math.expm1(-(n - k) * l) / denominator,
      accumulated: (k) => (Math.exp(-(n - k) * l) * -Math.expm1(-k * l)) / denominator,
      principal: (k) => (rate * Math.exp(-(n - k) * l)) / denominator,
      perPv: rate / denominator,
      perFv: (rate * Math.exp(-n * l)) / denominator,
    };
  }
  // −1 < r < 0: G_j ≤ 1 already, so the direct form neither overflows nor cancels.
  const denominator = Math.expm1(n * l); // G_n − 1, in (−1, 0)
  return {
    remaining: (k) => (Math.exp(k * l) * Math.expm1((n - k) * l)) / denominator,
    accumulated: (k) => Math.expm1(k * l) / denominator,
    principal: (k) => (rate * Math.exp(k * l)) / denominator,
    perPv: (rate * Math.exp(n * l)) / denominator,
    perFv: rate / denominator,
  };
}

/**
 * Fixed payment per period that takes `pv` to `fv` (Excel PMT): the solution of
 * fv + pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r = 0, i.e.
 * pmt = −(pv·r·G_n + fv·r)/((1 + r·w)·(G_n − 1)); at r = 0, −(pv + fv)/n.
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, when: When = 'end'): number {
  const p = powers(rate, nper);
  const payment = -(pv * p.perPv + fv * p.perFv);
  return when === 'begin' ? payment / (1 + rate) : payment;
}

function checkPeriod(per: number, nper: number): void {
  if (!(per >= 1 && per <= nper)) throw new RangeError('per must be between 1 and nper');
}

/**
 * Interest part of the payment in period `per` (1-based; Excel IPMT): −r times the balance
 * owed at the start of the period. Throws RangeError when `per` is outside 1..nper.
 */
export function ipmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  when: When = 'end',
): number {
  checkPeriod(per, nper);
  if (when === 'begin' && per === 1) return 0;
  const p = powers(rate, nper);
  const balance = pv * p.remaining(per - 1) - fv * p.accumulated(per - 1);
  const interest = -balance * rate;
  return when === 'begin' ? interest / (1 + rate) : interest;
}

/**
 * Principal part of the payment in period `per` (Excel PPMT), pmt − ipmt, computed directly as
 * −(pv + fv)·r·G_{per−1}/(G_n − 1) so that a tiny principal beside a large interest part keeps
 * its digits. Throws RangeError when `per` is outside 1..nper.
 */
export function ppmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  when: When = 'end',
): number {
  checkPeriod(per, nper);
  if (when === 'begin' && per === 1) return pmt(rate, nper, pv, fv, when);
  const principal = -(pv + fv) * powers(rate, nper).principal(per - 1);
  return when === 'begin' ? principal / (1 + rate) : principal;
}
