import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as f from '../../../src/lib/roi/finance';
import { brent, bracketedRoots } from '../../../src/lib/roi/solve';

/**
 * Extreme cases for the finance functions, where the textbook double-precision forms fail.
 * Sources of the expected values:
 *   SHEET  the spreadsheet value quoted in issue 15 (LibreOffice Calc, the comparison that
 *          found the bug), to the two decimals a spreadsheet shows by default
 *   MP     tests/unit/roi/reference/finance-extremes.py: the spreadsheet definition of the
 *          function (Excel's and LibreOffice's documented equations) evaluated with mpmath in
 *          600-digit arithmetic, where no cancellation can occur; it shares no code with Chasm
 *   CLOSED a closed form, derived in the case's comment
 * `relative` is the allowed relative error.
 */
interface Case {
  source: string;
  name: string;
  actual: () => number | null;
  expected: number;
  relative: number;
}

const cases: Case[] = [
  // ipmt and ppmt when (1 + r)^n is far beyond 10^9 (1.275938^360 ≈ 10^38)
  {
    source: 'SHEET',
    name: 'IPMT(0.275938, 255, 360, -2403.65) = 663.26',
    actual: () => f.ipmt(0.275938, 255, 360, -2403.65),
    expected: 663.26,
    relative: 1e-5,
  },
  {
    source: 'MP',
    name: 'IPMT(0.275938, 255, 360, -2403.65) to 15 digits',
    actual: () => f.ipmt(0.275938, 255, 360, -2403.65),
    expected: 663.25837369598442,
    relative: 1e-13,
  },
  {
    source: 'MP',
    name: 'PPMT(0.275938, 255, 360, -2403.65), a principal of 4e-9 beside 663 of interest',
    actual: () => f.ppmt(0.275938, 255, 360, -2403.65),
    expected: 4.0155786083968951e-9,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'PPMT(0.275938, 360, 360, -2403.65), the last payment',
    actual: () => f.ppmt(0.275938, 360, 360, -2403.65),
    expected: 519.82022143709177,
    relative: 1e-13,
  },
  {
    source: 'MP',
    name: 'IPMT(0.5, 150, 200, 1000, 0, 1), payments at the beginning',
    actual: () => f.ipmt(0.5, 150, 200, 1000, 0, 'begin'),
    expected: -333.33333298481588,
    relative: 1e-13,
  },
  {
    source: 'MP',
    name: 'PPMT(0.5, 150, 200, 1000, 0, 1)',
    actual: () => f.ppmt(0.5, 150, 200, 1000, 0, 'begin'),
    expected: -3.485174545519908e-7,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'IPMT(0.9, 1000, 1200, 50000, 20000): (1.9)^1200 overflows a double',
    actual: () => f.ipmt(0.9, 1000, 1200, 50_000, 20_000),
    expected: -45_000,
    relative: 1e-13,
  },
  {
    source: 'MP',
    name: 'PPMT(0.9, 1000, 1200, 50000, 20000)',
    actual: () => f.ppmt(0.9, 1000, 1200, 50_000, 20_000),
    expected: -5.8866302513000153e-52,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'IPMT(-0.3, 40, 60, 1000), a negative rate',
    actual: () => f.ipmt(-0.3, 40, 60, 1000),
    expected: 0.00027271069761927945,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'PPMT(-0.3, 40, 60, 1000)',
    actual: () => f.ppmt(-0.3, 40, 60, 1000),
    expected: -0.00027286310417757876,
    relative: 1e-12,
  },
  // xirr and irr with roots in (−100 %, −99 %]
  {
    source: 'SHEET',
    name: "XIRR([-5345.41, 128.07], ['2013-03-12', '2013-12-22']) = -99.16%",
    actual: () => f.xirr([-5345.41, 128.07], ['2013-03-12', '2013-12-22']),
    expected: -0.9916,
    relative: 5e-5,
  },
  {
    // Two flows 285 days apart: (1 + r)^(285/365) = 128.07/5345.41.
    source: 'CLOSED; MP',
    name: 'the same XIRR to 15 digits',
    actual: () => f.xirr([-5345.41, 128.07], ['2013-03-12', '2013-12-22']),
    expected: -0.99159418631292185,
    relative: 1e-13,
  },
  {
    source: 'MP',
    name: 'XIRR of three flows, root at -99.96%',
    actual: () => f.xirr([-10_000, 1, 2], ['2020-01-01', '2020-04-10', '2021-02-04']),
    expected: -0.99957828098538806,
    relative: 1e-12,
  },
  {
    // −100 + 0.5/(1 + r) = 0.
    source: 'CLOSED',
    name: 'IRR([-100, 0.5]) = -99.5%',
    actual: () => f.irr([-100, 0.5]),
    expected: -0.995,
    relative: 1e-13,
  },
  {
    // x = 1/(1 + r) solves x² + x − 100000 = 0: x = (√400001 − 1)/2.
    source: 'CLOSED; MP',
    name: 'IRR([-100000, 1, 1])',
    actual: () => f.irr([-100_000, 1, 1]),
    expected: -0.99683271838698702,
    relative: 1e-13,
  },
  {
    // (1 + r)^3 = 10^−9.
    source: 'CLOSED',
    name: 'IRR([-1, 0, 0, 1e-9]) = -99.9%',
    actual: () => f.irr([-1, 0, 0, 1e-9]),
    expected: -0.999,
    relative: 1e-12,
  },
  // rate where Newton's method from 10 % fails and the bracketing fallback finds the root
  {
    source: 'MP',
    name: 'RATE(10, -1000, 100): about 1,000% a period',
    actual: () => f.rate(10, -1000, 100),
    expected: 9.9999999996144567,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'RATE(12, -5000, 100): about 5,000% a period',
    actual: () => f.rate(12, -5000, 100),
    expected: 50,
    relative: 1e-12,
  },
  {
    // 1000 = 1000·(1 − 2^−360)/r at r = 1, to double precision.
    source: 'CLOSED; MP',
    name: 'RATE(360, -1000, 1000) = 100%',
    actual: () => f.rate(360, -1000, 1000),
    expected: 1,
    relative: 1e-12,
  },
  {
    // (1 + r)^40 = 10^30.
    source: 'CLOSED; MP',
    name: 'RATE(40, 0, -1, 1e30)',
    actual: () => f.rate(40, 0, -1, 1e30),
    expected: 4.6234132519034908,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'RATE(10, -1000, 2000, 0, 1), payments at the beginning',
    actual: () => f.rate(10, -1000, 2000, 0, 'begin'),
    expected: 0.9980294702622867,
    relative: 1e-12,
  },
  {
    source: 'MP',
    name: 'RATE(24, -1, 100), a negative rate',
    actual: () => f.rate(24, -1, 100),
    expected: -0.09236791710139003,
    relative: 1e-12,
  },
];

describe('finance functions at the extremes', () => {
  it.each(cases)('$name ($source)', ({ actual, expected, relative }) => {
    const value = actual();
    expect(value).not.toBeNull();
    expect(Math.abs(value! - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
  });

  it('still returns null where no rate exists (NPF-TEST test_rate_with_infeasible_solution)', () => {
    expect(f.rate(12, 400, 10_000, 5_000)).toBeNull();
    expect(f.irr([-1, -2, -3])).toBeNull();
    expect(f.xirr([100, 110], ['2021-01-01', '2022-01-01'])).toBeNull();
  });
});

describe('invariants of the stable amortisation forms', () => {
  const loan = fc.record({
    rate: fc.double({ min: -0.5, max: 2, noNaN: true }),
    nper: fc.integer({ min: 1, max: 600 }),
    pv: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fv: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    when: fc.constantFrom('end' as const, 'begin' as const),
  });

  it('ipmt + ppmt = pmt in every period', () => {
    fc.assert(
      fc.property(loan, fc.double({ min: 0, max: 1, noNaN: true }), (l, u) => {
        const per = 1 + Math.floor(u * (l.nper - 1));
        const payment = f.pmt(l.rate, l.nper, l.pv, l.fv, l.when);
        const parts =
          f.ipmt(l.rate, per, l.nper, l.pv, l.fv, l.when) +
          f.ppmt(l.rate, per, l.nper, l.pv, l.fv, l.when);
        expect(Math.abs(parts - payment)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(payment)));
      }),
    );
  });

  it('the principal parts repay pv + fv (end of period)', () => {
    fc.assert(
      fc.property(loan, (l) => {
        let total = 0;
        for (let per = 1; per <= l.nper; per++) total += f.ppmt(l.rate, per, l.nper, l.pv, l.fv);
        const owed = l.pv + l.fv;
        expect(Math.abs(total + owed)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(owed)));
      }),
    );
  });

  it('irr of a two-flow investment is the closed form, down to 1 + r = 1e-10', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 0, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (e, n) => {
          const growth = 10 ** e; // (1 + r)^n
          const flows = [-1, ...Array<number>(n - 1).fill(0), growth];
          const expected = growth ** (1 / n) - 1;
          const found = f.irr(flows);
          expect(found).not.toBeNull();
          expect(Math.abs(found! - expected)).toBeLessThanOrEqual(1e-9 * (1 + expected));
        },
      ),
    );
  });
});

describe("Brent's method", () => {
  it.each([
    [
      'x³ − 2x − 5 (Wallis), root 2.0945514815423265',
      (x: number) => x ** 3 - 2 * x - 5,
      2,
      3,
      2.0945514815423265,
    ],
    [
      'cos x − x (Dottie number), root 0.7390851332151607',
      (x: number) => Math.cos(x) - x,
      0,
      1,
      0.7390851332151607,
    ],
    ['e^x − 10, root ln 10', (x: number) => Math.exp(x) - 10, 0, 5, Math.LN10],
  ])('finds %s', (_name, fn, a, b, root) => {
    expect(brent(fn, a, b)).toBeCloseTo(root, 14);
  });

  it('returns null without a sign change, and finds every bracketed root on a grid', () => {
    expect(brent((x) => x * x + 1, -1, 1)).toBeNull();
    const roots = bracketedRoots((x) => (x - 0.25) * (x - 1.5) * (x + 2), [-3, -1, 0, 1, 2]);
    expect(roots.map((r) => Number(r.toFixed(12)))).toEqual([-2, 0.25, 1.5]);
  });
});
