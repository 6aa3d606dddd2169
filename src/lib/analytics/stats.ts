/**
 * Statistics for personalisation lift: two proportions (personalised vs holdout) compared
 * with a two-proportion z-test and a confidence interval for their difference.
 */

/**
 * Complementary error function by the Chebyshev fit of Numerical Recipes in C (2nd ed.,
 * §6.2, `erfcc`): fractional error below 1.2e-7 everywhere, ample for p-values shown to three
 * decimals.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Φ⁻¹(p) by Acklam's rational approximation (relative error < 1.2e-9), for interval widths. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be strictly between 0 and 1');
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coef: number[], x: number) => coef.reduce((acc, k) => acc * x + k, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export interface Proportion {
  successes: number;
  trials: number;
}

/** Wilson score interval for one proportion (better than Wald for small counts and rates near 0). */
export function wilsonInterval(
  { successes, trials }: Proportion,
  confidence = 0.95,
): [number, number] {
  if (trials === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / trials;
  const denom = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface ZTest {
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

/**
 * Two-proportion z-test with the pooled standard error (the textbook test, and what
 * statsmodels' `proportions_ztest` computes). Null when either arm is empty or both rates
 * are 0 or 1 (no variance).
 */
export function twoProportionZTest(a: Proportion, b: Proportion): ZTest | null {
  if (a.trials === 0 || b.trials === 0) return null;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (se === 0) return null;
  const z = (a.successes / a.trials - b.successes / b.trials) / se;
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * Confidence interval for the difference of two proportions (a − b), Newcombe's hybrid score
 * method (Newcombe 1998, method 10), which keeps its coverage with small counts where the
 * Wald interval does not.
 */
export function differenceInterval(
  a: Proportion,
  b: Proportion,
  confidence = 0.95,
): [number, number] {
  const pa = a.trials ? a.successes / a.trials : 0;
  const pb = b.trials ? b.successes / b.trials : 0;
  const [la, ua] = wilsonInterval(a, confidence);
  const [lb, ub] = wilsonInterval(b, confidence);
  const diff = pa - pb;
  const lower = diff - Math.sqrt((pa - la) ** 2 + (ub - pb) ** 2);
  const upper = diff + Math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2);
  return [lower, upper];
}

export interface LiftResult {
  personalized: Proportion & { rate: number };
  holdout: Proportion & { rate: number };
  /** Absolute difference in conversion rate (personalised − holdout), with its interval. */
  difference: number;
  interval: [number, number];
  /** Relative lift, personalised ÷ holdout − 1; null when the holdout converted nobody. */
  relativeLift: number | null;
  test: ZTest | null;
  /** False when the sample is too small for the normal approximation to be trusted. */
  hasEnoughData: boolean;
  /** What is missing, in words, when there is not enough data. */
  needs: string | null;
}

/**
 * The minimum sample before a verdict is shown: each arm needs at least 5 conversions and
 * 5 non-conversions (the usual np ≥ 5 rule for the normal approximation) and 30 visitors.
 */
export const MIN_PER_ARM = { trials: 30, successes: 5, failures: 5 } as const;

function shortfall(arm: Proportion, label: string): string | null {
  if (arm.trials < MIN_PER_ARM.trials)
    return `${MIN_PER_ARM.trials - arm.trials} more ${label} visitors`;
  if (arm.successes < MIN_PER_ARM.successes)
    return `${MIN_PER_ARM.successes - arm.successes} more ${label} conversions`;
  if (arm.trials - arm.successes < MIN_PER_ARM.failures)
    return `more ${label} visitors who did not convert`;
  return null;
}

/** Compares personalised against holdout conversion for one persona. */
export function compareLift(
  personalized: Proportion,
  holdout: Proportion,
  confidence = 0.95,
): LiftResult {
  const rate = (p: Proportion) => (p.trials ? p.successes / p.trials : 0);
  const needs = [shortfall(personalized, 'personalised'), shortfall(holdout, 'holdout')]
    .filter(Boolean)
    .join(' and ');
  return {
    personalized: { ...personalized, rate: rate(personalized) },
    holdout: { ...holdout, rate: rate(holdout) },
    difference: rate(personalized) - rate(holdout),
    interval: differenceInterval(personalized, holdout, confidence),
    relativeLift: rate(holdout) > 0 ? rate(personalized) / rate(holdout) - 1 : null,
    test: twoProportionZTest(personalized, holdout),
    hasEnoughData: needs === '',
    needs: needs || null,
  };
}

/**
 * The smallest absolute difference in conversion a two-sided test at level `alpha` would detect
 * with probability `power`, for arms of n1 and n2 visitors around a baseline rate p (the normal
 * approximation used for two-proportion sample sizes: (z₁₋α/₂ + z_power) · √(p(1−p)(1/n1 + 1/n2))).
 * Null when an arm is empty or the baseline is 0 or 1 (no variance to work with).
 */
export function minimumDetectableEffect(
  n1: number,
  n2: number,
  baseline: number,
  alpha = 0.05,
  power = 0.8,
): number | null {
  if (!(n1 > 0 && n2 > 0) || !(baseline > 0 && baseline < 1)) return null;
  const k = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return k * Math.sqrt(baseline * (1 - baseline) * (1 / n1 + 1 / n2));
}

/** Beyond this, "more than ten years" is the honest answer. */
export const MAX_DAYS_TO_DETECT = 3650;

/**
 * How many more days of traffic, at `perDay1` and `perDay2` new visitors a day per arm, until
 * the minimum detectable effect is no larger than `effect` (for example the difference seen so
 * far). 0 when it already is; null when it never gets there within ten years, when there is no
 * traffic, or when the effect is 0.
 */
export function daysToDetect(
  effect: number,
  arms: { n1: number; n2: number; perDay1: number; perDay2: number },
  baseline: number,
  alpha = 0.05,
  power = 0.8,
): number | null {
  const target = Math.abs(effect);
  if (!(target > 0)) return null;
  const mdeAfter = (days: number) =>
    minimumDetectableEffect(
      arms.n1 + arms.perDay1 * days,
      arms.n2 + arms.perDay2 * days,
      baseline,
      alpha,
      power,
    );
  const now = mdeAfter(0);
  if (now !== null && now <= target) return 0;
  const last = mdeAfter(MAX_DAYS_TO_DETECT);
  if (last === null || last > target) return null;
  let low = 0;
  let high = MAX_DAYS_TO_DETECT;
  // The MDE falls as the arms grow: the first whole day that reaches the target.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const mde = mdeAfter(mid);
    if (mde !== null && mde <= target) high = mid;
    else low = mid;
  }
  return high;
}
