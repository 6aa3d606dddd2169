import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysToDetect,
  MAX_DAYS_TO_DETECT,
  minimumDetectableEffect,
} from '../../../../src/lib/analytics/stats';

// z(0.975) = 1.959964, z(0.80) = 0.841621 (standard normal tables), so k = 2.801585.
const K = 1.959964 + 0.841621;

describe('minimumDetectableEffect (two proportions, α = 0.05 two-sided, power 80%)', () => {
  it.each([
    // n per arm, baseline, k·√(p(1−p)·2/n) worked by hand
    [1000, 1000, 0.1, K * Math.sqrt(0.1 * 0.9 * (2 / 1000))], // ≈ 0.03759
    [400, 20, 0.05, K * Math.sqrt(0.05 * 0.95 * (1 / 400 + 1 / 20))], // a 5% holdout: ≈ 0.1399
    [10000, 500, 0.02, K * Math.sqrt(0.02 * 0.98 * (1 / 10000 + 1 / 500))], // ≈ 0.01800
  ])('n1 %i, n2 %i, baseline %d', (n1, n2, p, expected) => {
    expect(minimumDetectableEffect(n1, n2, p)).toBeCloseTo(expected, 6);
  });

  it('1,000 per arm at a 10% baseline detects about 3.76 points (worked by hand)', () => {
    expect(minimumDetectableEffect(1000, 1000, 0.1)).toBeCloseTo(0.0376, 4);
  });

  it.each([
    [0, 10, 0.1],
    [10, 0, 0.1],
    [10, 10, 0],
    [10, 10, 1],
  ])('has no answer for n1 %i, n2 %i, baseline %d', (n1, n2, p) => {
    expect(minimumDetectableEffect(n1, n2, p)).toBeNull();
  });

  it('shrinks as either arm grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (n1, n2, extra, p) =>
          minimumDetectableEffect(n1 + extra, n2, p)! <= minimumDetectableEffect(n1, n2, p)! &&
          minimumDetectableEffect(n1, n2 + extra, p)! <= minimumDetectableEffect(n1, n2, p)!,
      ),
    );
  });
});

describe('daysToDetect', () => {
  const arms = { n1: 400, n2: 20, perDay1: 40, perDay2: 2 };

  it('is 0 when the effect is already detectable', () => {
    expect(daysToDetect(0.2, arms, 0.05)).toBe(0);
  });

  it('is the first whole day on which the effect becomes detectable', () => {
    const days = daysToDetect(0.05, arms, 0.05)!;
    const mde = (d: number) => minimumDetectableEffect(400 + 40 * d, 20 + 2 * d, 0.05)!;
    expect(days).toBeGreaterThan(0);
    expect(mde(days)).toBeLessThanOrEqual(0.05);
    expect(mde(days - 1)).toBeGreaterThan(0.05);
  });

  it('treats a negative difference by its size', () => {
    expect(daysToDetect(-0.05, arms, 0.05)).toBe(daysToDetect(0.05, arms, 0.05));
  });

  it.each([
    ['no difference seen', 0, arms],
    ['no traffic', 0.05, { n1: 10, n2: 1, perDay1: 0, perDay2: 0 }],
    ['a difference too small for ten years of this traffic', 0.0001, arms],
  ])('has no answer for %s', (_, effect, a) => {
    expect(daysToDetect(effect, a, 0.05)).toBeNull();
  });

  it('never answers more than ten years', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        (effect, perDay1, perDay2) => {
          const days = daysToDetect(effect, { n1: 1, n2: 1, perDay1, perDay2 }, 0.1);
          return days === null || (days >= 0 && days <= MAX_DAYS_TO_DETECT);
        },
      ),
    );
  });
});
