import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareLift,
  differenceInterval,
  normalCdf,
  normalQuantile,
  twoProportionZTest,
  wilsonInterval,
} from '../../../../src/lib/analytics/stats';

describe('normal distribution', () => {
  it.each([
    // Standard normal table values (any statistics textbook, e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1).
    [0, 0.5],
    [1, 0.841345],
    [1.645, 0.950015],
    [1.96, 0.975002],
    [2.576, 0.995002],
    [-1, 0.158655],
  ])('Φ(%d) = %d', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 5);
  });

  it('Φ⁻¹ inverts Φ', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (p) => Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-6,
      ),
    );
  });
});

describe('two-proportion z-test', () => {
  it('matches the statsmodels documentation example: 5/83 vs 12/99 → p = 0.159', () => {
    // statsmodels.stats.proportion.proportions_ztest, docs example: count=[5, 12], nobs=[83, 99].
    const test = twoProportionZTest({ successes: 5, trials: 83 }, { successes: 12, trials: 99 })!;
    expect(test.pValue).toBeCloseTo(0.159, 3);
    expect(test.z).toBeCloseTo(-1.408, 3);
  });

  it('matches a hand computation with the pooled standard error', () => {
    // 200/1000 vs 150/1000: pooled p = 0.175, se = sqrt(0.175·0.825·0.002) = 0.016993, z = 2.9424.
    const test = twoProportionZTest(
      { successes: 200, trials: 1000 },
      { successes: 150, trials: 1000 },
    )!;
    expect(test.z).toBeCloseTo(2.9424, 3);
    expect(test.pValue).toBeCloseTo(0.00326, 4);
  });

  it('has no answer without variance or without data', () => {
    expect(
      twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 10 }),
    ).toBeNull();
    expect(
      twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 10 }),
    ).toBeNull();
  });

  it('is symmetric: swapping the arms flips z and keeps p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, a, b) => {
          const x = { successes: a % (n1 + 1), trials: n1 };
          const y = { successes: b % (n2 + 1), trials: n2 };
          const ab = twoProportionZTest(x, y);
          const ba = twoProportionZTest(y, x);
          if (!ab || !ba) return ab === ba;
          return (
            Math.abs(ab.z + ba.z) < 1e-9 &&
            Math.abs(ab.pValue - ba.pValue) < 1e-9 &&
            ab.pValue >= 0 &&
            ab.pValue <= 1
          );
        },
      ),
    );
  });
});

describe('intervals', () => {
  it.each([
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score).
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
  ])('Wilson interval for %i/%i is %d to %d', (x, n, lo, hi) => {
    const [l, u] = wilsonInterval({ successes: x, trials: n });
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it.each([
    // Newcombe (1998), "Interval estimation for the difference between independent proportions", Statistics in Medicine 17:873–890, Table II, method 10.
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('Newcombe hybrid interval for %i/%i − %i/%i is %d to %d', (a, n, b, m, lo, hi) => {
    const [l, u] = differenceInterval({ successes: a, trials: n }, { successes: b, trials: m });
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it('always contains the observed difference and stays within [-1, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, a, b) => {
          const x = { successes: a % (n1 + 1), trials: n1 };
          const y = { successes: b % (n2 + 1), trials: n2 };
          const d = x.successes / n1 - y.successes / n2;
          const [l, u] = differenceInterval(x, y);
          return l <= d + 1e-12 && d <= u + 1e-12 && l >= -1 - 1e-12 && u <= 1 + 1e-12;
        },
      ),
    );
  });
});

describe('compareLift', () => {
  it('says what is missing instead of a verdict on a small sample', () => {
    const result = compareLift({ successes: 2, trials: 20 }, { successes: 0, trials: 3 });
    expect(result.hasEnoughData).toBe(false);
    expect(result.needs).toContain('10 more personalised visitors');
    expect(result.needs).toContain('27 more holdout visitors');
  });

  it('reports rates, relative lift and the test on a sufficient sample', () => {
    const result = compareLift({ successes: 200, trials: 1000 }, { successes: 150, trials: 1000 });
    expect(result.hasEnoughData).toBe(true);
    expect(result.difference).toBeCloseTo(0.05, 10);
    expect(result.relativeLift).toBeCloseTo(1 / 3, 10);
    expect(result.test!.pValue).toBeLessThan(0.01);
    expect(result.interval[0]).toBeGreaterThan(0);
  });
});
