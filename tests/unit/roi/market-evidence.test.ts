import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/roi/models';
import { computeMarketSizing, type MarketData } from '../../../src/lib/roi/models/market-sizing';
import { getDefaultValues, getModelContext } from '../../../src/server/content/roi';

/**
 * One market, two estimates: a1 (100 in 2021, +10% a year, its source covers only 2021) and a2
 * (200 flat, unverified). All of the market is serviceable and obtainable, adoption is full from
 * year one, so SOM each year is the market size the scenario picks.
 */
const markets: MarketData[] = [
  {
    id: 'a',
    name: 'A',
    estimates: [
      {
        id: 'a1',
        label: 'A one',
        baseYear: 2021,
        baseValue: 100,
        cagr: 0.1,
        growthUntil: 2021,
        source: { status: 'primary' },
      },
      {
        id: 'a2',
        label: 'A two',
        baseYear: 2021,
        baseValue: 200,
        cagr: 0,
        growthUntil: 2030,
        source: { status: 'unverified' },
      },
    ],
  },
];
const inputs = {
  firstYear: 2021,
  horizonYears: 2,
  scenario: 'conservative' as const,
  adoptionRampYears: 1,
  grossMargin: 0.5,
  annualGoToMarketCost: 1,
  upfrontInvestment: 1,
  discountRate: 0,
  riskRevenueWon: 0,
  costEscalation: 0,
  serviceableShare: { a: 1 },
  obtainableShare: { a: 1 },
  excludedEstimates: [] as string[],
};

describe('the share of SOM on weak evidence, worked by hand', () => {
  it.each([
    // Conservative: a1 both years, 100 then 110; 2022 is past its source's last year.
    ['conservative', 210, 110 / 210, 0, 110 / 210],
    // Aggressive: a2, 200 and 200, unverified.
    ['aggressive', 400, 0, 1, 1],
    // Base: the median of two is their mean, each estimate owning its part of it:
    // 2021 (100 + 200)/2 = 150, a2 owns 100; 2022 (110 + 200)/2 = 155, a1 owns 55 (extrapolated),
    // a2 owns 100. Total 305: extrapolated 55, unverified 200, either 255.
    ['base', 305, 55 / 305, 200 / 305, 255 / 305],
  ] as const)('%s', (scenario, total, extrapolated, unverified, weak) => {
    const r = computeMarketSizing({ ...inputs, scenario }, markets);
    expect(r.evidence.total).toBeCloseTo(total, 9);
    expect(r.evidence.extrapolated).toBeCloseTo(extrapolated, 12);
    expect(r.evidence.unverified).toBeCloseTo(unverified, 12);
    expect(r.evidence.weak).toBeCloseTo(weak, 12);
  });

  it('leaving out the weak estimates leaves no weak share', () => {
    const r = computeMarketSizing(
      { ...inputs, horizonYears: 1, excludedEstimates: ['a2'] },
      markets,
    );
    expect(r.evidence).toMatchObject({ extrapolated: 0, unverified: 0, weak: 0 });
  });

  it('at the defaults the page can state it: shares between 0 and 100%, consistent', () => {
    const ctx = getModelContext();
    const r = getModel('market-sizing').evaluate(getDefaultValues('market-sizing'), ctx);
    if (r.model !== 'market-sizing') throw new Error('wrong model');
    const e = r.evidence;
    expect(e.total).toBeCloseTo(
      r.years.reduce((s, y) => s + y.som, 0),
      0,
    );
    expect(e.weak).toBeGreaterThanOrEqual(Math.max(e.extrapolated, e.unverified) - 1e-12);
    expect(e.weak).toBeLessThanOrEqual(Math.min(1, e.extrapolated + e.unverified) + 1e-12);
    expect(e.weak).toBeGreaterThan(0);
  });
});
