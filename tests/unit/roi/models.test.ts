import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../../src/lib/roi/fields';
import {
  ATTRITION_FIELDS,
  computeAttrition,
  type AttritionInputs,
} from '../../../src/lib/roi/models/attrition';
import { rampShare } from '../../../src/lib/roi/time-shape';
import {
  adoption,
  computeMarketSizing,
  type MarketData,
} from '../../../src/lib/roi/models/market-sizing';
import { composeHeadline, compareWithHeadline } from '../../../src/lib/roi/models/headline';
import {
  computeSpeedToLead,
  oddsRatio,
  outcomeProbability,
  type SpeedToLeadInputs,
} from '../../../src/lib/roi/models/speed-to-lead';
import { RoiInputError } from '../../../src/lib/roi/models/summary';

const attritionExample: AttritionInputs = {
  agents: 100,
  adoptionShare: 0.5,
  currentAttritionRate: 0.4,
  virtualAttritionRate: 0.2,
  replacementCost: 10_000,
  annualAgentCost: 30_000,
  productivityGain: 0.1,
  seatCostPerYear: 2_000,
  seatsReleasedShare: 0.5,
  platformCostPerAgentMonth: 100,
  implementationCost: 50_000,
  rampMonths: 6,
  horizonYears: 3,
  discountRate: 0.1,
  // The hand-worked example counts every benefit in full and flat; risk adjustment and growth
  // are tested apart.
  benefitGrowth: 0,
  costEscalation: 0,
  riskAttritionSavings: 0,
  riskProductivityValue: 0,
  riskFacilitySavings: 0,
};

describe('attrition model, worked by hand', () => {
  // 50 agents move (100 × 0.5).
  // Attrition savings 50 × (0.4 − 0.2) × 10,000 = 100,000; productivity 50 × 0.1 × 30,000 = 150,000;
  // facility 50 × 0.5 × 2,000 = 50,000: 300,000 a year at full run.
  // Platform 50 × 100 × 12 = 60,000 a year. Year 1 factor (12 − 6/2)/12 = 0.75 → 225,000;
  // the platform is paid per agent moved, so its year 1 ramps too: 45,000.
  // Cash flows: −50,000; 180,000; 240,000; 240,000.
  const r = computeAttrition(attritionExample);

  it('gives the yearly cash flows', () => {
    expect(r.cashflows).toEqual([-50_000, 180_000, 240_000, 240_000]);
    expect(r.years[1]).toMatchObject({
      attritionSavings: 75_000,
      productivityValue: 112_500,
      facilitySavings: 37_500,
      platformCost: 45_000,
    });
    expect(r.years[2]).toMatchObject({ platformCost: 60_000 });
    expect(r.firstYearFactor).toBe(0.75);
  });

  it('gives NPV, payback and ROI at 10%', () => {
    const npv = -50_000 + 180_000 / 1.1 + 240_000 / 1.21 + 240_000 / 1.331;
    expect(r.npv).toBeCloseTo(npv, 6);
    expect(r.npv).toBeCloseTo(492_299.02, 2);
    // Cumulative −50,000 → 130,000 in year 1: 50,000/180,000 of the way.
    expect(r.paybackYears).toBeCloseTo(50_000 / 180_000, 10);
    const pvBenefits = 225_000 / 1.1 + 300_000 / 1.21 + 300_000 / 1.331;
    const pvCosts = 50_000 + 45_000 / 1.1 + 60_000 / 1.21 + 60_000 / 1.331;
    expect(r.roi).toBeCloseTo((pvBenefits - pvCosts) / pvCosts, 10);
    expect(r.irr).not.toBeNull();
  });

  it('reports agents replaced per year before and after', () => {
    expect(r.agentsReplacedBefore).toBe(40); // 100 × 0.4
    expect(r.agentsReplacedAfter).toBe(30); // 50 × 0.4 + 50 × 0.2
    expect(r.virtualAgents).toBe(50);
  });

  it('refuses bad inputs with a message per field', () => {
    const bad = {
      ...attritionExample,
      agents: -5,
      currentAttritionRate: 1.5,
      discountRate: Number.NaN,
      replacementCost: 1e308,
    };
    try {
      computeAttrition(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RoiInputError);
      expect((error as RoiInputError).issues).toEqual([
        { path: 'agents', message: 'Agents must be at least 1.' },
        {
          path: 'currentAttritionRate',
          message: 'Current attrition per year must be at most 100%.',
        },
        {
          path: 'replacementCost',
          message: 'Cost to replace one agent must be at most $10,000,000,000.',
        },
        { path: 'discountRate', message: 'Discount rate must be a number.' },
      ]);
    }
  });

  it('has no ROI when nothing costs anything', () => {
    const free = computeAttrition({
      ...attritionExample,
      platformCostPerAgentMonth: 0,
      implementationCost: 0,
    });
    expect(free.roi).toBeNull();
    expect(free.paybackYears).toBe(0);
  });
});

describe('speed-to-lead curves', () => {
  it.each([
    ['mit-qualify', 1, 1],
    ['mit-qualify', 5, 1],
    ['mit-qualify', 10, 1 / 4],
    ['mit-qualify', 20, Math.sqrt(1 / 84)], // halfway between ln(1/4) and ln(1/21)
    ['mit-qualify', 30, 1 / 21],
    ['mit-qualify', 600, 1 / 21], // held at the last anchor, never extrapolated
    ['mit-contact', 17.5, 1 / 10], // halfway in ln between 1 and 1/100
    ['hbr-qualify', 30, 1],
    ['hbr-qualify', 90, Math.sqrt(1 / 7)],
    ['hbr-qualify', 1440, 1 / 60],
  ] as const)('oddsRatio(%s, %d) = %f', (curve, minutes, expected) => {
    expect(oddsRatio(curve, minutes)).toBeCloseTo(expected, 12);
  });

  it('applies the ratio to odds, not probability', () => {
    // 20% at 5 minutes: odds 0.25; at 10 minutes 0.0625 → 5.88%; at 30 minutes 0.25/21 → 1/85.
    expect(outcomeProbability(0.2, 'mit-qualify', 5)).toBeCloseTo(0.2, 12);
    expect(outcomeProbability(0.2, 'mit-qualify', 10)).toBeCloseTo(0.0625 / 1.0625, 12);
    expect(outcomeProbability(0.2, 'mit-qualify', 30)).toBeCloseTo(1 / 85, 12);
  });
});

const speedExample: SpeedToLeadInputs = {
  monthlyLeads: 1000,
  currentResponseMinutes: 30,
  targetResponseMinutes: 5,
  curve: 'mit-qualify',
  baseRate: 0.2,
  qualifyRate: 0.5,
  winRate: 0.1,
  averageDealValue: 10_000,
  grossMargin: 0.5,
  monthlyCost: 1_000,
  implementationCost: 10_000,
  horizonYears: 2,
  discountRate: 0.1,
  rampMonths: 0,
  benefitGrowth: 0,
  costEscalation: 0,
  riskExtraWins: 0,
};

describe('speed-to-lead model, worked by hand', () => {
  it('qualify curve: wins = leads × P × win rate', () => {
    // Target: 1000 × 0.2 × 0.1 = 20 wins a month; current: 1000 × (1/85) × 0.1 = 1.17647.
    // Yearly benefit 12 × (20 − 1.17647) × 10,000 × 0.5 = 1,129,411.76; cost 12,000.
    const r = computeSpeedToLead(speedExample);
    const benefit = 12 * (20 - 100 / 85) * 10_000 * 0.5;
    expect(r.winsPerMonthTarget).toBeCloseTo(20, 10);
    expect(r.winsPerMonthCurrent).toBeCloseTo(100 / 85, 10);
    expect(r.yearlyBenefit).toBeCloseTo(benefit, 6);
    expect(r.cashflows).toHaveLength(3);
    expect(r.cashflows[0]).toBe(-10_000);
    expect(r.cashflows[1]).toBeCloseTo(benefit - 12_000, 6);
    expect(r.npv).toBeCloseTo(-10_000 + (benefit - 12_000) / 1.1 + (benefit - 12_000) / 1.21, 6);
    expect(r.npv).toBeCloseTo(1_929_309.67, 1);
  });

  it('contact curve also applies the qualify rate', () => {
    // 5 → 30 minutes on the contact curve: odds ratio 1/100 → P(30) = 0.0025/1.0025.
    const r = computeSpeedToLead({ ...speedExample, curve: 'mit-contact' });
    const current = 1000 * (0.0025 / 1.0025) * 0.5 * 0.1;
    expect(r.winsPerMonthTarget).toBeCloseTo(1000 * 0.2 * 0.5 * 0.1, 10);
    expect(r.winsPerMonthCurrent).toBeCloseTo(current, 10);
  });

  it('refuses an unknown curve and a base rate of 100%', () => {
    expect(() =>
      computeSpeedToLead({ ...speedExample, curve: 'gut-feel' as never, baseRate: 1 }),
    ).toThrow(RoiInputError);
  });
});

const toyMarkets: MarketData[] = [
  {
    id: 'a',
    name: 'A',
    estimates: [
      {
        id: 'a1',
        label: 'A one',
        baseYear: 2020,
        baseValue: 100,
        cagr: 0.1,
        growthUntil: 2021,
        fromEssay: true,
      },
      { id: 'a2', label: 'A two', baseYear: 2020, baseValue: 200, endYear: 2022, endValue: 242 },
    ],
  },
  {
    id: 'b',
    name: 'B',
    estimates: [
      { id: 'b1', label: 'B one', baseYear: 2021, baseValue: 50, cagr: 0, fromEssay: true },
    ],
  },
];

const sizing = {
  firstYear: 2021,
  horizonYears: 2,
  scenario: 'conservative' as const,
  adoptionRampYears: 2,
  grossMargin: 0.5,
  annualGoToMarketCost: 1,
  upfrontInvestment: 2,
  discountRate: 0,
  riskRevenueWon: 0,
  costEscalation: 0,
  serviceableShare: { a: 0.5, b: 1 },
  obtainableShare: { a: 0.1, b: 0.2 },
  excludedEstimates: [] as string[],
};

describe('market sizing, worked by hand', () => {
  it('takes the lowest, median and highest estimate per market', () => {
    // 2021: A one 110, A two 220 (growth (242/200)^(1/2) − 1 = 10%); B 50.
    const r = computeMarketSizing(sizing, toyMarkets);
    expect(r.years[0]!.tam.conservative).toBeCloseTo(160, 10);
    expect(r.years[0]!.tam.base).toBeCloseTo(215, 10);
    expect(r.years[0]!.tam.aggressive).toBeCloseTo(270, 10);
    // SAM 110 × 0.5 + 50 × 1 = 105; SOM (55 × 0.1 + 50 × 0.2) × adoption ½ = 7.75.
    expect(r.years[0]!.sam).toBeCloseTo(105, 10);
    expect(r.years[0]!.som).toBeCloseTo(7.75, 10);
    // 2022: A 121 / 242; SAM 60.5 + 50 = 110.5; SOM 6.05 + 10 = 16.05 at full adoption.
    expect(r.years[1]!.som).toBeCloseTo(16.05, 10);
    expect(r.cashflows[0]).toBe(-2);
    expect(r.cashflows[1]).toBeCloseTo(7.75 * 0.5 - 1, 10);
    expect(r.cashflows[2]).toBeCloseTo(16.05 * 0.5 - 1, 10);
    expect(r.npv).toBeCloseTo(-2 + 2.875 + 7.025, 10);
  });

  it('leaves out excluded estimates and flags extrapolation', () => {
    const r = computeMarketSizing({ ...sizing, excludedEstimates: ['a1'] }, toyMarkets);
    expect(r.years[0]!.tam.conservative).toBeCloseTo(270, 10);
    expect(r.extrapolated.map((e) => e.id).sort()).toEqual(['b1']);
  });

  it('ramps adoption in a straight line', () => {
    expect([1, 2, 3, 4].map((i) => adoption(i, 3))).toEqual([1 / 3, 2 / 3, 1, 1]);
  });

  it('composes a headline from essay figures only and compares our sum', () => {
    const headline = { value: 160, comparisonYear: 2021, searchFromYear: 2020, searchToYear: 2021 };
    const best = composeHeadline(toyMarkets, headline, 1)[0]!;
    // Essay figures: A one (2020: 100, 2021: 110, within its growth window) and B one (2021: 50).
    expect(best.total).toBeCloseTo(160, 10);
    expect(best.terms.map((t) => `${t.estimate}@${t.year}`)).toEqual(['a1@2021', 'b1@2021']);
    const comparison = compareWithHeadline(toyMarkets, [], headline);
    expect(comparison.conservative).toBeCloseTo(160, 10);
    expect(comparison.difference).toBeCloseTo(0, 10);
  });
});

describe('time shape: ramps, benefit growth and cost escalation, worked by hand', () => {
  it.each([
    // rampShare(year, R): the average of min(1, t/R) over the year's twelve months.
    [1, 0, 1],
    [2, 0, 1],
    [1, 6, 0.75], // (12 − 6/2)/12
    [2, 6, 1],
    [1, 12, 0.5],
    [1, 18, 1 / 3], // 12 months on the ramp, average t/18 = 6/18
    [2, 18, 11 / 12], // 6 months averaging 15/18, then 6 at full: (5 + 6)/12
    [3, 18, 1],
  ])('rampShare(year %i, %i months) = %d', (year, months, expected) => {
    expect(rampShare(year, months)).toBeCloseTo(expected, 12);
  });

  it('attrition: benefits grow 10% and the platform escalates 5% from year 1', () => {
    // Full run 300,000 of benefits and 60,000 of platform; year 1 ramped × 0.75 (both).
    // Year 2: 330,000 − 63,000 = 267,000. Year 3: 363,000 − 66,150 = 296,850.
    const r = computeAttrition({ ...attritionExample, benefitGrowth: 0.1, costEscalation: 0.05 });
    expect(r.cashflows[0]).toBe(-50_000);
    expect(r.cashflows[1]).toBeCloseTo(180_000, 8);
    expect(r.cashflows[2]).toBeCloseTo(267_000, 8);
    expect(r.cashflows[3]).toBeCloseTo(296_850, 8);
  });

  it('speed to lead: adoption ramps over 3 months, benefit grows, the subscription escalates', () => {
    // B = 12 × (20 − 100/85) × 10,000 × 0.5 a year at full adoption. Year 1 × (12 − 1.5)/12 =
    // 0.875; year 2 × 1.1. The subscription (12,000) is paid from month one, 12,600 in year 2.
    const b = 12 * (20 - 100 / 85) * 10_000 * 0.5;
    const r = computeSpeedToLead({
      ...speedExample,
      rampMonths: 3,
      benefitGrowth: 0.1,
      costEscalation: 0.05,
    });
    expect(r.cashflows[0]).toBe(-10_000);
    expect(r.cashflows[1]).toBeCloseTo(0.875 * b - 12_000, 6);
    expect(r.cashflows[2]).toBeCloseTo(1.1 * b - 12_600, 6);
  });

  it('market sizing: the go-to-market cost escalates', () => {
    const r = computeMarketSizing({ ...sizing, costEscalation: 0.05 }, toyMarkets);
    expect(r.costs[0]).toBe(2);
    expect(r.costs[1]).toBeCloseTo(1, 12);
    expect(r.costs[2]).toBeCloseTo(1.05, 12);
  });

  it('refuses growth that would run away, with a message beside the field', () => {
    const field = ATTRITION_FIELDS.find((f) => f.key === 'benefitGrowth')!;
    expect(checkNumber(field, 0.6)).toBe('Benefit growth per year must be at most 50%.');
    expect(checkNumber(field, -0.6)).toBe('Benefit growth per year must be at least -50%.');
    expect(() => computeAttrition({ ...attritionExample, costEscalation: 2 })).toThrow(
      'Cost escalation per year must be at most 50%.',
    );
  });
});
