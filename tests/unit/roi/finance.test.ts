import { describe, expect, it } from 'vitest';
import * as f from '../../../src/lib/roi/finance';

/**
 * Published reference values. Each case names its source:
 *   NPF-DOC  numpy-financial docstrings, numpy_financial/_financial.py
 *            (https://github.com/numpy/numpy-financial/blob/main/numpy_financial/_financial.py)
 *   NPF-TEST numpy-financial test suite, numpy_financial/tests/test_financial.py
 *            (https://github.com/numpy/numpy-financial/blob/main/numpy_financial/tests/test_financial.py);
 *            several of its values were "computed using Google Sheet's" function, as it says
 *   MS-<FN>  Microsoft's Excel function help, example table
 *            (https://support.microsoft.com/en-us/excel/functions/<fn>-function)
 *   MS-VBA   Microsoft Learn, WorksheetFunction.Xnpv method (Excel)
 *            (https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.xnpv)
 * `digits` is the precision the source prints; toBeCloseTo(x, d) checks |a − x| < 0.5·10^−d.
 */
interface Case {
  source: string;
  name: string;
  actual: () => number | null;
  expected: number | null;
  digits: number;
}

const EXCEL_X_DATES = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
const EXCEL_X_VALUES = [-10_000, 2_750, 4_250, 3_250, 2_750];

const cases: Case[] = [
  // npv: numpy-financial convention (values[0] at t = 0) and Excel's (first value discounted)
  {
    source: 'NPF-TEST test_npv',
    name: 'npv 5% of -15000..6000',
    actual: () => f.npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]),
    expected: 122.89,
    digits: 2,
  },
  {
    source: 'NPF-DOC npv',
    name: 'npv 8% of -40000, 5000, 8000, 12000, 30000',
    actual: () => f.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]),
    expected: 3065.22267,
    digits: 5,
  },
  {
    source: 'NPF-DOC npv (numpy 1.x docstring)',
    name: 'npv at the IRR is about zero',
    actual: () => f.npv(0.281, [-100, 39, 59, 55, 20]),
    expected: -0.0084785916384548798,
    digits: 8,
  },
  {
    source: 'MS-NPV example 1',
    name: 'NPV(10%, -10000, 3000, 4200, 6800)',
    actual: () => f.npvExcel(0.1, [-10_000, 3_000, 4_200, 6_800]),
    expected: 1188.44,
    digits: 2,
  },
  {
    source: 'MS-NPV example 2',
    name: 'NPV(8%, 8000…14500) − 40000',
    actual: () => f.npvExcel(0.08, [8_000, 9_200, 10_000, 12_000, 14_500]) - 40_000,
    expected: 1922.06,
    digits: 2,
  },
  {
    source: 'MS-NPV example 2',
    name: 'NPV(8%, 8000…14500, −9000) − 40000',
    actual: () => f.npvExcel(0.08, [8_000, 9_200, 10_000, 12_000, 14_500, -9_000]) - 40_000,
    expected: -3749.47,
    digits: 2,
  },
  // irr
  {
    source: 'NPF-TEST TestIrr.test_basic_values',
    name: 'irr -150000…60000',
    actual: () => f.irr([-150_000, 15_000, 25_000, 35_000, 45_000, 60_000]),
    expected: 0.0524,
    digits: 4,
  },
  {
    source: 'NPF-DOC irr',
    name: 'irr -100, 0, 0, 74',
    actual: () => f.irr([-100, 0, 0, 74]),
    expected: -0.0955,
    digits: 4,
  },
  {
    source: 'NPF-DOC irr',
    name: 'irr -100, 39, 59, 55, 20',
    actual: () => f.irr([-100, 39, 59, 55, 20]),
    expected: 0.28095,
    digits: 5,
  },
  {
    source: 'NPF-DOC irr',
    name: 'irr -100, 100, 0, -7',
    actual: () => f.irr([-100, 100, 0, -7]),
    expected: -0.0833,
    digits: 4,
  },
  {
    source: 'NPF-DOC irr',
    name: 'irr -100, 100, 0, 7',
    actual: () => f.irr([-100, 100, 0, 7]),
    expected: 0.06206,
    digits: 5,
  },
  {
    source: 'NPF-DOC irr',
    name: 'irr -5, 10.5, 1, -8, 1',
    actual: () => f.irr([-5, 10.5, 1, -8, 1]),
    expected: 0.0886,
    digits: 4,
  },
  {
    source: 'NPF-TEST test_trailing_zeros',
    name: 'irr ignores trailing zeros',
    actual: () => f.irr([-5, 10.5, 1, -8, 1, 0, 0, 0]),
    expected: 0.0886,
    digits: 4,
  },
  {
    source: 'NPF-TEST test_numpy_gh_6744',
    name: 'irr without a sign change is null',
    actual: () => f.irr([-1, -2, -3]),
    expected: null,
    digits: 0,
  },
  {
    source: 'MS-IRR example',
    name: 'IRR after four years',
    actual: () => f.irr([-70_000, 12_000, 15_000, 18_000, 21_000]),
    expected: -0.021244848,
    digits: 9,
  },
  {
    source: 'MS-IRR example',
    name: 'IRR after five years',
    actual: () => f.irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]),
    expected: 0.086630948,
    digits: 9,
  },
  {
    source: 'MS-IRR example',
    name: 'IRR after two years, guess −10%',
    actual: () => f.irr([-70_000, 12_000, 15_000], -0.1),
    expected: -0.443506941,
    digits: 9,
  },
  // mirr
  {
    source: 'NPF-TEST test_mirr',
    name: 'mirr -4500…3000 at 8% / 5.5%',
    actual: () => f.mirr([-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000], 0.08, 0.055),
    expected: 0.0666,
    digits: 4,
  },
  {
    source: 'NPF-TEST test_mirr; MS-MIRR example',
    name: 'mirr -120000…46000 at 10% / 12%',
    actual: () => f.mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12),
    expected: 0.126094,
    digits: 6,
  },
  {
    source: 'NPF-TEST test_mirr',
    name: 'mirr 100, 200, -50, 300, -200',
    actual: () => f.mirr([100, 200, -50, 300, -200], 0.05, 0.06),
    expected: 0.3428,
    digits: 4,
  },
  {
    source: 'NPF-TEST test_mirr',
    name: 'mirr with no negative value is null',
    actual: () => f.mirr([39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12),
    expected: null,
    digits: 0,
  },
  {
    source: 'MS-MIRR example',
    name: 'MIRR after three years',
    actual: () => f.mirr([-120_000, 39_000, 30_000, 21_000], 0.1, 0.12),
    expected: -0.048044655,
    digits: 9,
  },
  {
    source: 'MS-MIRR example',
    name: 'MIRR reinvesting at 14%',
    actual: () => f.mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.14),
    expected: 0.134759111,
    digits: 9,
  },
  // pmt
  {
    source: 'NPF-DOC pmt',
    name: 'pmt 200,000 over 15 years at 7.5%',
    actual: () => f.pmt(0.075 / 12, 12 * 15, 200_000),
    expected: -1854.0247200054619,
    digits: 8,
  },
  {
    source: 'NPF-TEST test_pmt',
    name: 'pmt 15,000 over 5 years at 8%',
    actual: () => f.pmt(0.08 / 12, 5 * 12, 15_000),
    expected: -304.1459143262052,
    digits: 8,
  },
  {
    source: 'NPF-TEST test_pmt',
    name: 'pmt at rate 0',
    actual: () => f.pmt(0, 5 * 12, 15_000),
    expected: -250,
    digits: 10,
  },
  {
    source: 'NPF-TEST test_pmt broadcast',
    name: 'pmt 20,000 at 80% over 3',
    actual: () => f.pmt(0.8, 3, 20_000),
    expected: -19311.258,
    digits: 3,
  },
  {
    source: 'NPF-TEST test_pmt broadcast',
    name: 'pmt 2,000 at 30% over 12',
    actual: () => f.pmt(0.3, 12, 2_000),
    expected: -626.90814,
    digits: 5,
  },
  {
    source: 'MS-PMT example',
    name: 'PMT(8%/12, 10, 10000)',
    actual: () => f.pmt(0.08 / 12, 10, 10_000),
    expected: -1037.03,
    digits: 2,
  },
  {
    source: 'MS-PMT example',
    name: 'PMT(8%/12, 10, 10000, 0, 1)',
    actual: () => f.pmt(0.08 / 12, 10, 10_000, 0, 'begin'),
    expected: -1030.16,
    digits: 2,
  },
  {
    source: 'MS-PMT example',
    name: 'PMT(6%/12, 18·12, 0, 50000)',
    actual: () => f.pmt(0.06 / 12, 18 * 12, 0, 50_000),
    expected: -129.08,
    digits: 2,
  },
  // fv
  {
    source: 'NPF-DOC fv',
    name: 'fv saving 100 a month for 10 years at 5%',
    actual: () => f.fv(0.05 / 12, 10 * 12, -100, -100),
    expected: 15692.928894335748,
    digits: 7,
  },
  {
    source: 'NPF-DOC fv',
    name: 'fv at 6%',
    actual: () => f.fv(0.06 / 12, 10 * 12, -100, -100),
    expected: 16569.87435405,
    digits: 7,
  },
  {
    source: 'NPF-DOC fv',
    name: 'fv at 7%',
    actual: () => f.fv(0.07 / 12, 10 * 12, -100, -100),
    expected: 17509.44688102,
    digits: 7,
  },
  {
    source: 'NPF-TEST TestFv.test_float',
    name: 'fv 20 payments of 2000 at 7.5%',
    actual: () => f.fv(0.075, 20, -2000, 0),
    expected: 86609.362673042924,
    digits: 6,
  },
  {
    source: 'NPF-TEST TestFv.test_when_is_begin_float',
    name: 'fv paid at the beginning',
    actual: () => f.fv(0.075, 20, -2000, 0, 'begin'),
    expected: 93105.064874,
    digits: 5,
  },
  {
    source: 'NPF-TEST TestFv.test_broadcast',
    name: 'fv 10%, 5 × 100, begin',
    actual: () => f.fv(0.1, 5, 100, 0, 'begin'),
    expected: -671.561,
    digits: 6,
  },
  {
    source: 'NPF-TEST TestFv.test_broadcast',
    name: 'fv 20%, 5 × 100, begin',
    actual: () => f.fv(0.2, 5, 100, 0, 'begin'),
    expected: -892.992,
    digits: 6,
  },
  {
    source: 'NPF-TEST TestFv.test_some_rates_zero',
    name: 'fv at rate 0',
    actual: () => f.fv(0, 5, 100, 0),
    expected: -500,
    digits: 10,
  },
  {
    source: 'MS-FV example',
    name: 'FV(6%/12, 10, -200, -500, 1)',
    actual: () => f.fv(0.06 / 12, 10, -200, -500, 'begin'),
    expected: 2581.4,
    digits: 2,
  },
  {
    source: 'MS-FV example',
    name: 'FV(12%/12, 12, -1000)',
    actual: () => f.fv(0.12 / 12, 12, -1000, 0),
    expected: 12682.5,
    digits: 2,
  },
  {
    source: 'MS-FV example',
    name: 'FV(11%/12, 35, -2000, , 1)',
    actual: () => f.fv(0.11 / 12, 35, -2000, 0, 'begin'),
    expected: 82846.25,
    digits: 2,
  },
  {
    source: 'MS-FV example',
    name: 'FV(6%/12, 12, -100, -1000, 1)',
    actual: () => f.fv(0.06 / 12, 12, -100, -1000, 'begin'),
    expected: 2301.4,
    digits: 2,
  },
  // pv
  {
    source: 'NPF-DOC pv',
    name: 'pv of 15692.93 after 10 years',
    actual: () => f.pv(0.05 / 12, 10 * 12, -100, 15692.93),
    expected: -100.00067131625819,
    digits: 8,
  },
  {
    source: 'NPF-DOC pv',
    name: 'pv at 4%',
    actual: () => f.pv(0.04 / 12, 10 * 12, -100, 15692.93),
    expected: -649.26771385,
    digits: 7,
  },
  {
    source: 'NPF-TEST test_pv',
    name: 'pv of 20 × 12000 at 7%',
    actual: () => f.pv(0.07, 20, 12_000, 0),
    expected: -127128.1709461939,
    digits: 7,
  },
  {
    source: 'MS-PV example',
    name: 'PV(8%/12, 12·20, 500, , 0)',
    actual: () => f.pv(0.08 / 12, 12 * 20, 500, 0),
    expected: -59777.15,
    digits: 2,
  },
  // nper
  {
    source: 'NPF-DOC nper',
    name: 'nper paying 150 on 8000 at 7%',
    actual: () => f.nper(0.07 / 12, -150, 8000),
    expected: 64.07335,
    digits: 5,
  },
  {
    source: 'NPF-DOC nper',
    name: 'nper paying 100 on 9000 at 8%',
    actual: () => f.nper(0.08 / 12, -100, 9000),
    expected: 137.90124779,
    digits: 7,
  },
  {
    source: 'NPF-TEST TestNper.test_basic_values',
    name: 'nper at rate 0',
    actual: () => f.nper(0, -2000, 0, 100_000),
    expected: 50,
    digits: 10,
  },
  {
    source: 'NPF-TEST TestNper.test_basic_values',
    name: 'nper at 7.5%',
    actual: () => f.nper(0.075, -2000, 0, 100_000),
    expected: 21.544944,
    digits: 5,
  },
  {
    source: 'NPF-TEST test_broadcast',
    name: 'nper at 7.5%, begin',
    actual: () => f.nper(0.075, -2000, 0, 100_000, 'begin'),
    expected: 20.76156441,
    digits: 7,
  },
  {
    source: 'NPF-TEST TestNper.test_gh_18',
    name: 'nper with no payment',
    actual: () => f.nper(0.1, 0, -500, 1500),
    expected: 11.52670461,
    digits: 7,
  },
  {
    source: 'NPF-TEST TestNper.test_no_interest',
    name: 'nper with no interest',
    actual: () => f.nper(0, -100, 1000),
    expected: 10,
    digits: 10,
  },
  {
    source: 'MS-NPER example',
    name: 'NPER(12%/12, -100, -1000, 10000, 1)',
    actual: () => f.nper(0.12 / 12, -100, -1000, 10_000, 'begin'),
    expected: 59.6738657,
    digits: 7,
  },
  {
    source: 'MS-NPER example',
    name: 'NPER(12%/12, -100, -1000, 10000)',
    actual: () => f.nper(0.12 / 12, -100, -1000, 10_000),
    expected: 60.0821229,
    digits: 7,
  },
  {
    source: 'MS-NPER example',
    name: 'NPER(12%/12, -100, -1000)',
    actual: () => f.nper(0.12 / 12, -100, -1000),
    expected: -9.57859404,
    digits: 7,
  },
  // rate
  {
    source: 'NPF-TEST test_rate_decimal',
    name: 'rate to grow 3500 to 10000 in 10',
    actual: () => f.rate(10, 0, -3500, 10_000),
    expected: 0.1106908537142689,
    digits: 10,
  },
  {
    source: 'NPF-TEST test_rate_with_infeasible_solution',
    name: 'rate with no solution is null',
    actual: () => f.rate(12, 400, 10_000, 5_000),
    expected: null,
    digits: 0,
  },
  {
    source: 'NPF-TEST test_rate_with_infeasible_solution',
    name: 'rate with no solution, begin, is null',
    actual: () => f.rate(12, 400, 10_000, 5_000, 'begin'),
    expected: null,
    digits: 0,
  },
  {
    source: 'MS-RATE example',
    name: 'RATE(4·12, -200, 8000), monthly',
    actual: () => f.rate(48, -200, 8000),
    expected: 0.00770147,
    digits: 8,
  },
  {
    source: 'MS-RATE example',
    name: 'RATE(4·12, -200, 8000)·12, annual',
    actual: () => f.rate(48, -200, 8000)! * 12,
    expected: 0.09241767,
    digits: 8,
  },
  // ipmt and ppmt
  {
    source: 'NPF-TEST TestIpmt.test_float',
    name: 'ipmt period 1 of 24',
    actual: () => f.ipmt(0.1 / 12, 1, 24, 2000),
    expected: -16.666667,
    digits: 6,
  },
  {
    source: 'NPF-TEST TestIpmt.test_broadcasting',
    name: 'ipmt period 4 of 24',
    actual: () => f.ipmt(0.1 / 12, 4, 24, 2000),
    expected: -14.76028842,
    digits: 7,
  },
  {
    source: 'NPF-TEST TestIpmt.test_when_is_begin',
    name: 'ipmt period 1, begin, is 0',
    actual: () => f.ipmt(0.1 / 12, 1, 24, 2000, 0, 'begin'),
    expected: 0,
    digits: 10,
  },
  {
    source: 'NPF-TEST TestIpmt.test_gh_17',
    name: 'ipmt 30-year loan, period 2, begin',
    actual: () => f.ipmt(0.001988079518355057, 2, 360, 300_000, 0, 'begin'),
    expected: -594.107158,
    digits: 5,
  },
  {
    source: 'NPF-TEST TestIpmt.test_gh_17',
    name: 'ipmt 30-year loan, period 3, begin',
    actual: () => f.ipmt(0.001988079518355057, 3, 360, 300_000, 0, 'begin'),
    expected: -592.971592,
    digits: 5,
  },
  {
    source: 'MS-IPMT example',
    name: 'IPMT(10%/12, 1, 3·12, 8000)',
    actual: () => f.ipmt(0.1 / 12, 1, 36, 8000),
    expected: -66.67,
    digits: 2,
  },
  {
    source: 'MS-IPMT example',
    name: 'IPMT(10%, 3, 3, 8000)',
    actual: () => f.ipmt(0.1, 3, 3, 8000),
    expected: -292.45,
    digits: 2,
  },
  {
    source: 'NPF-TEST test_ppmt',
    name: 'ppmt period 1 of 60',
    actual: () => f.ppmt(0.1 / 12, 1, 60, 55_000),
    expected: -710.25,
    digits: 2,
  },
  {
    source: 'NPF-TEST test_ppmt_special_rate',
    name: 'ppmt on 10 billion at 23%',
    actual: () => f.ppmt(0.23 / 12, 1, 60, 10_000_000_000),
    expected: -90238044.232277036,
    digits: 4,
  },
  {
    source: 'NPF-TEST test_broadcast',
    name: 'ppmt period 2 of 24, begin',
    actual: () => f.ppmt(0.1 / 12, 2, 24, 2000, 0, 'begin'),
    expected: -75.62318601,
    digits: 7,
  },
  {
    source: 'NPF-TEST test_broadcast',
    name: 'ppmt period 4 of 24',
    actual: () => f.ppmt(0.1 / 12, 4, 24, 2000),
    expected: -77.52956425,
    digits: 7,
  },
  {
    source: 'MS-PPMT example',
    name: 'PPMT(10%/12, 1, 2·12, 2000)',
    actual: () => f.ppmt(0.1 / 12, 1, 24, 2000),
    expected: -75.62,
    digits: 2,
  },
  {
    source: 'MS-PPMT example',
    name: 'PPMT(8%, 10, 10, 200000)',
    actual: () => f.ppmt(0.08, 10, 10, 200_000),
    expected: -27598.05,
    digits: 2,
  },
  // xnpv and xirr
  {
    source: 'MS-XNPV example; MS-VBA',
    name: 'XNPV(9%, …)',
    actual: () => f.xnpv(0.09, EXCEL_X_VALUES, EXCEL_X_DATES),
    expected: 2086.6476,
    digits: 4,
  },
  {
    source: 'MS-XIRR example',
    name: 'XIRR(…)',
    actual: () => f.xirr(EXCEL_X_VALUES, EXCEL_X_DATES),
    expected: 0.373362535,
    digits: 8,
  },
];

describe('finance functions against published reference values', () => {
  it(`has at least 40 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name ($source)', ({ actual, expected, digits }) => {
    const value = actual();
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, digits);
  });
});

describe('amortisation schedule (NPF-DOC ipmt: 2,500 over a year at 8.24%)', () => {
  // The docstring prints principal, interest and the remaining balance to two decimals.
  const printed = [
    [-200.58, -17.17, 2299.42],
    [-201.96, -15.79, 2097.46],
    [-203.35, -14.4, 1894.11],
    [-204.74, -13.01, 1689.37],
    [-206.15, -11.6, 1483.22],
    [-207.56, -10.18, 1275.66],
    [-208.99, -8.76, 1066.67],
    [-210.42, -7.32, 856.25],
    [-211.87, -5.88, 644.38],
    [-213.32, -4.42, 431.05],
    [-214.79, -2.96, 216.26],
    [-216.26, -1.49, 0],
  ] as const;

  it('matches every printed row, and ipmt + ppmt = pmt', () => {
    const rate = 0.0824 / 12;
    const payment = f.pmt(rate, 12, 2500);
    let balance = 2500;
    printed.forEach(([principal, interest, remaining], i) => {
      const p = f.ppmt(rate, i + 1, 12, 2500);
      const q = f.ipmt(rate, i + 1, 12, 2500);
      balance += p;
      expect(p).toBeCloseTo(principal, 2);
      expect(q).toBeCloseTo(interest, 2);
      expect(balance).toBeCloseTo(remaining, 2);
      expect(p + q).toBeCloseTo(payment, 10);
    });
  });

  it('total interest is -112.98', () => {
    const total = printed.reduce((sum, _row, i) => sum + f.ipmt(0.0824 / 12, i + 1, 12, 2500), 0);
    expect(total).toBeCloseTo(-112.98, 2);
  });
});

describe('conventions and edge cases', () => {
  it('npv at the irr is zero (NPF-TEST test_npv_irr_congruence)', () => {
    const flows = [-40_000, 5_000, 8_000, 12_000, 30_000];
    expect(Math.abs(f.npv(f.irr(flows)!, flows))).toBeLessThan(1e-6);
  });

  it('npvExcel discounts the first value one period', () => {
    expect(f.npvExcel(0.1, [110])).toBeCloseTo(100, 10);
    expect(f.npv(0.1, [110])).toBe(110);
  });

  it('ipmt refuses a period outside 1..nper', () => {
    expect(() => f.ipmt(0.01, 0, 12, 100)).toThrow(RangeError);
    expect(() => f.ipmt(0.01, 13, 12, 100)).toThrow(RangeError);
  });

  it('rate finds a zero rate', () => {
    expect(f.rate(10, -100, 1000)).toBeCloseTo(0, 10);
  });

  it('pv and fv round-trip at rate 0 and otherwise', () => {
    for (const r of [0, 0.03, 0.2]) {
      const future = f.fv(r, 12, -50, -1000, 'begin');
      expect(f.pv(r, 12, -50, future, 'begin')).toBeCloseTo(-1000, 8);
    }
  });

  it('xnpv and xirr use Actual/365 and refuse bad dates', () => {
    expect(f.xnpv(0.1, [-100, 110], ['2021-01-01', '2022-01-01'])).toBeCloseTo(0, 10);
    expect(f.xirr([-100, 110], ['2021-01-01', '2022-01-01'])).toBeCloseTo(0.1, 10);
    expect(() => f.xnpv(0.1, [-100, 110], ['2021-01-01', '2020-12-31'])).toThrow(RangeError);
    expect(() => f.xnpv(0.1, [-100, 110], ['2021-01-01', '2021-02-30'])).toThrow(RangeError);
    expect(() => f.xnpv(0.1, [-100], ['2021-01-01', '2022-01-01'])).toThrow(RangeError);
    expect(f.xirr([100, 110], ['2021-01-01', '2022-01-01'])).toBeNull();
  });

  it.each([
    [[-100, 60, 60], 1 + 40 / 60],
    [[-100, 50, 50], 2],
    [[-100, 100], 1],
    [[0, -10, 20], 0],
    [[50, -100], 0],
    [[-100, 10, 10], null],
    [[-100, 150, -200, 300], 0 + 100 / 150],
  ])('paybackPeriod(%j) = %s', (values, expected) => {
    const result = f.paybackPeriod(values);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });

  it('discountedPaybackPeriod discounts before accumulating', () => {
    // Discounted at 10%: -100, 54.545…, 49.586… → crosses in period 2.
    const d = f.discountedPaybackPeriod(0.1, [-100, 60, 60]);
    const first = 60 / 1.1;
    const second = 60 / 1.21;
    expect(d).toBeCloseTo(1 + (100 - first) / second, 10);
    expect(f.discountedPaybackPeriod(0.1, [-100, 50, 50])).toBeNull();
  });

  it('cagr and projectValue are inverses', () => {
    expect(f.cagr(34.8, 96, 7)).toBeCloseTo(0.15601, 4);
    expect(f.projectValue(34.8, f.cagr(34.8, 96, 7), 7)).toBeCloseTo(96, 10);
    expect(f.projectValue(100, 0, 5)).toBe(100);
    expect(() => f.cagr(0, 10, 1)).toThrow(RangeError);
    expect(() => f.cagr(10, 10, 0)).toThrow(RangeError);
  });
});
