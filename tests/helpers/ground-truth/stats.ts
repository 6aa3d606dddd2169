/**
 * The lift statistics written again from their textbook definitions (not imported from
 * src/lib/analytics/stats.ts): Wilson score intervals, Newcombe's hybrid score interval for a
 * difference of proportions (method 10), and the pooled two-proportion z-test. erfc here is a
 * series / continued fraction accurate to ~1e-15, so it differs from Chasm's Numerical Recipes
 * fit by up to ~1e-7: interval and p-value cells are compared within 1e-6.
 */
const Z95 = 1.959963984540054;

function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf by its Maclaurin series
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // continued fraction (Lentz) for large x
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = x + an * d;
    d = 1 / d;
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}

export interface Arm {
  trials: number;
  successes: number;
}

function wilson({ trials: n, successes: s }: Arm): [number, number] {
  if (n === 0) return [0, 1];
  const p = s / n;
  const denom = 1 + (Z95 * Z95) / n;
  const centre = (p + (Z95 * Z95) / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** z for 80% power (Φ⁻¹(0.8)). */
const Z80 = 0.8416212335729143;

/**
 * Minimum detectable effect, two-sided 5% test with 80% power, normal approximation:
 * (z₀.₉₇₅ + z₀.₈) · √(p(1−p)(1/n1 + 1/n2)) around the pooled rate p; null without variance.
 */
function mde(n1: number, n2: number, p: number): number | null {
  if (!(n1 > 0 && n2 > 0) || !(p > 0 && p < 1)) return null;
  return (Z95 + Z80) * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
}

/** The first whole day (0…3650) of more traffic at the period's daily rate with MDE ≤ |effect|. */
function daysToDetect(effect: number, p: Arm, h: Arm, pooled: number, days: number): number | null {
  const target = Math.abs(effect);
  if (!(target > 0)) return null;
  const at = (d: number) =>
    mde(p.trials + (p.trials / days) * d, h.trials + (h.trials / days) * d, pooled);
  const reaches = (d: number) => {
    const m = at(d);
    return m !== null && m <= target;
  };
  if (reaches(0)) return 0;
  if (!reaches(3650)) return null;
  let low = 0;
  let high = 3650;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) high = mid;
    else low = mid;
  }
  return high;
}

export function liftRow(p: Arm, h: Arm, days: number) {
  const rate = (a: Arm) => (a.trials ? a.successes / a.trials : 0);
  const shortfall = (a: Arm, label: string) =>
    a.trials < 30
      ? `${30 - a.trials} more ${label} visitors`
      : a.successes < 5
        ? `${5 - a.successes} more ${label} conversions`
        : a.trials - a.successes < 5
          ? `more ${label} visitors who did not convert`
          : null;
  const needs = [shortfall(p, 'personalised'), shortfall(h, 'holdout')]
    .filter(Boolean)
    .join(' and ');
  const enough = needs === '';
  const [lp, up] = wilson(p);
  const [lh, uh] = wilson(h);
  const diff = rate(p) - rate(h);
  const low = diff - Math.sqrt((rate(p) - lp) ** 2 + (uh - rate(h)) ** 2);
  const high = diff + Math.sqrt((up - rate(p)) ** 2 + (rate(h) - lh) ** 2);
  let pValue: number | null = null;
  if (p.trials && h.trials) {
    const pooled = (p.successes + h.successes) / (p.trials + h.trials);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / p.trials + 1 / h.trials));
    if (se > 0) pValue = Math.min(1, erfc(Math.abs(diff / se) / Math.SQRT2));
  }
  const verdict = !enough
    ? `Not enough data yet: needs ${needs}.`
    : low > 0
      ? 'Personalising converts better.'
      : high < 0
        ? 'The generic page converts better.'
        : 'No clear difference yet.';
  const pooledRate =
    p.trials + h.trials > 0 ? (p.successes + h.successes) / (p.trials + h.trials) : 0;
  return {
    detectable: mde(p.trials, h.trials, pooledRate),
    daysToDetect: daysToDetect(diff, p, h, pooledRate, days),
    pRate: rate(p),
    hRate: rate(h),
    difference: enough ? diff : null,
    low: enough ? low : null,
    high: enough ? high : null,
    pValue: enough ? pValue : null,
    verdict,
  };
}
