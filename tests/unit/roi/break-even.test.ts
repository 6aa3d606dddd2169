import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEven,
  describeBreakEven,
  type BreakEven,
} from '../../../src/lib/roi/analysis/break-even';
import { BREAK_EVEN_ROWS, tornado } from '../../../src/lib/roi/analysis/sensitivity';
import { numberFields, type InputValues } from '../../../src/lib/roi/fields';
import { npv } from '../../../src/lib/roi/finance';
import { getModel, modelNpv, type ModelContext } from '../../../src/lib/roi/models';
import type { RoiModelId } from '../../../src/lib/catalog';
import { getDefaultValues, getModelContext, getRanges } from '../../../src/server/content/roi';

/**
 * A contact centre small enough to solve by hand (attrition model, discount rate 0, no ramp):
 * 100 agents all moved, attrition 30% → 20%, replacement $5,000, platform $50 per agent-month,
 * implementation $30,000, 3 years. Yearly benefit 100 × 0.10 × 5,000 = $50,000; yearly platform
 * cost 100 × 50 × 12 = $60,000; NPV = 3 × (50,000 − 60,000) − 30,000 = −$60,000.
 */
const HAND: InputValues = {
  agents: 100,
  adoptionShare: 1,
  currentAttritionRate: 0.3,
  virtualAttritionRate: 0.2,
  replacementCost: 5_000,
  annualAgentCost: 40_000,
  productivityGain: 0,
  seatCostPerYear: 0,
  seatsReleasedShare: 0,
  platformCostPerAgentMonth: 50,
  implementationCost: 30_000,
  rampMonths: 0,
  horizonYears: 3,
  discountRate: 0,
  benefitGrowth: 0,
  costEscalation: 0,
  riskAttritionSavings: 0,
  riskProductivityValue: 0,
  riskFacilitySavings: 0,
};

const attrition = getModel('attrition');
const noMarkets: ModelContext = { markets: [] };

function seek(model: RoiModelId, values: InputValues, key: string, ctx = noMarkets): BreakEven {
  const m = getModel(model);
  const field = numberFields(m.fields(ctx)).find((f) => f.key === key)!;
  const value = values[key] as number;
  const at = (x: number) => modelNpv(m, { ...values, [key]: x }, ctx);
  const swing = Math.max(0.2 * Math.abs(value), 0.01);
  const [low, high] = [value - swing, value + swing];
  return breakEven(at, at(value), {
    value,
    low,
    high,
    npvLow: at(low),
    npvHigh: at(high),
    min: field.min,
    max: field.max,
    integer: field.integer,
    isLinear: field.isNpvLinear,
  });
}

describe('break-even against hand-solved cases', () => {
  it('the hand case starts at NPV −$60,000', () => {
    expect(modelNpv(attrition, HAND, noMarkets)).toBeCloseTo(-60_000, 6);
  });

  it.each([
    // 3 × (100 × 0.1 × C − 60,000) = 30,000  →  C = 7,000
    ['replacementCost', 7_000, 'above'],
    // 3 × (100 × (0.3 − a₁) × 5,000 − 60,000) = 30,000  →  a₁ = 0.16
    ['virtualAttritionRate', 0.16, 'below'],
    // 3 × (100 × (a₀ − 0.2) × 5,000 − 60,000) = 30,000  →  a₀ = 0.34
    ['currentAttritionRate', 0.34, 'above'],
    // 3 × (50,000 − 1,200 × P) = 30,000  →  P = 33.33…
    ['platformCostPerAgentMonth', 100 / 3, 'below'],
    // 3 × (50,000 + 100 × g × 40,000 − 60,000) = 30,000  →  g = 0.005
    ['productivityGain', 0.005, 'above'],
  ] as const)('%s breaks even at %s', (key, expected, direction) => {
    const result = seek('attrition', HAND, key);
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.value).toBeCloseTo(expected, 9);
    expect(result.direction).toBe(direction);
    expect(result.from).toBe('negative');
  });

  it.each([
    // Each year loses $10,000 whatever the number of agents: no agent count breaks even.
    ['agents', 'negative'],
    // 3 × (−10,000) − I = 0 needs I = −30,000, below the allowed minimum of 0.
    ['implementationCost', 'negative'],
    // Every extra year loses another $10,000.
    ['horizonYears', 'negative'],
  ] as const)('%s has no break-even in its range', (key, sign) => {
    const result = seek('attrition', HAND, key);
    expect(result).toMatchObject({ kind: 'none', sign });
  });

  it('a whole-number input reports the first whole value past zero', () => {
    // At $7,000 replacement each year gains $10,000, so NPV = 10,000 × H − 30,000: zero at 3
    // years; from a 5-year horizon, NPV is no longer positive once the horizon falls to 3.
    const result = seek(
      'attrition',
      { ...HAND, replacementCost: 7_000, horizonYears: 5 },
      'horizonYears',
    );
    expect(result).toMatchObject({ kind: 'found', value: 3, direction: 'below', from: 'positive' });
    // At $6,500 replacement each agent gains 650 − 600 = $50 a year: NPV = 150 × N − 30,000.
    const perAgent = { ...HAND, replacementCost: 6_500 };
    const agents = seek('attrition', perAgent, 'agents');
    expect(agents).toMatchObject({ kind: 'found', value: 200, direction: 'above' });
    const nearby = seek('attrition', { ...perAgent, implementationCost: 30_075 }, 'agents');
    // 150N = 30,075 → N = 200.5: the first whole number of agents with NPV ≥ 0 is 201.
    expect(nearby).toMatchObject({ kind: 'found', value: 201 });
  });

  it("the discount rate's break-even is the IRR (closed form for two equal inflows)", () => {
    // −100 + 60/(1+r) + 60/(1+r)² = 0: with x = 1/(1+r), 60x² + 60x − 100 = 0,
    // x = (−60 + √27,600)/120, r = 1/x − 1 = 0.130662386…
    const flows = [-100, 60, 60];
    const x = (-60 + Math.sqrt(27_600)) / 120;
    const at = (r: number) => npv(r, flows);
    const result = breakEven(at, at(0.05), {
      value: 0.05,
      low: 0.04,
      high: 0.06,
      npvLow: at(0.04),
      npvHigh: at(0.06),
      min: 0,
      max: 1,
    });
    expect(result.kind).toBe('found');
    if (result.kind === 'found') expect(result.value).toBeCloseTo(1 / x - 1, 12);
  });

  it('a wrong linear flag costs a search, not a wrong answer', () => {
    // e^x − 10 is not a line; told it is, the solver checks, finds it is not, and searches.
    const at = (x: number) => Math.exp(x) - 10;
    const result = breakEven(at, at(1), {
      value: 1,
      low: 0.8,
      high: 1.2,
      npvLow: at(0.8),
      npvHigh: at(1.2),
      min: 0,
      max: 10,
      isLinear: true,
    });
    expect(result.kind === 'found' && result.value).toBeCloseTo(Math.LN10, 12);
  });

  it('finds the nearer of two roots, on either side', () => {
    // (x − 2)(x − 7): from 3, the root at 2 is nearer; from 6, the root at 7.
    const at = (x: number) => (x - 2) * (x - 7);
    for (const [value, root] of [
      [3, 2],
      [6, 7],
    ] as const) {
      const result = breakEven(at, at(value), {
        value,
        low: value - 0.5,
        high: value + 0.5,
        npvLow: at(value - 0.5),
        npvHigh: at(value + 0.5),
        min: 0,
        max: 100,
      });
      expect(result.kind === 'found' && result.value).toBeCloseTo(root, 12);
    }
  });
});

describe('break-even text', () => {
  const attritionRate = { label: 'Current attrition per year', unit: 'percent' as const };
  const horizon = { label: 'Horizon', unit: 'years' as const, integer: true };
  const tested = { low: 0.3, high: 0.45 };
  it.each([
    [
      {
        kind: 'found',
        value: 0.2886,
        direction: 'below',
        from: 'positive',
        isWithinTestedRange: false,
      },
      attritionRate,
      'falls to 28.86% (outside the tested 30% to 45%)',
      'NPV reaches zero if current attrition per year falls to 28.86%, outside the tested 30% to 45%.',
    ],
    [
      {
        kind: 'found',
        value: 0.3214,
        direction: 'above',
        from: 'positive',
        isWithinTestedRange: true,
      },
      attritionRate,
      'rises to 32.14%',
      'NPV reaches zero if current attrition per year rises to 32.14%.',
    ],
    [
      { kind: 'none', sign: 'positive', min: 0, max: 1 },
      attritionRate,
      'none in range (NPV stays positive from 0% to 100%)',
      'NPV stays positive for any current attrition per year from 0% to 100%.',
    ],
    [
      { kind: 'found', value: 1, direction: 'below', from: 'positive', isWithinTestedRange: true },
      horizon,
      'falls to 1 year',
      'NPV is no longer positive if horizon falls to 1 year.',
    ],
  ] as const)('%j', (result, field, cell, sentence) => {
    expect(describeBreakEven(result as BreakEven, field, tested)).toEqual({ cell, sentence });
  });
});

describe('break-even on the three models at their defaults and around them', () => {
  const ctx = getModelContext();
  const models: RoiModelId[] = ['attrition', 'speed-to-lead', 'market-sizing'];

  it.each(models)('%s: the top tornado rows carry a break-even that holds', (id) => {
    const model = getModel(id);
    const values = getDefaultValues(id);
    const t = tornado(model, values, ctx, getRanges(id));
    const top = t.rows.filter((r) => r.swing > 0).slice(0, BREAK_EVEN_ROWS);
    expect(top.length).toBeGreaterThan(0);
    for (const row of t.rows) {
      expect(row.breakEven !== undefined).toBe(top.includes(row));
    }
    for (const row of top) checkBreakEven(id, values, row.key, t.baseNpv, row.breakEven!);
  });

  it.each(models)('%s: every input flagged linear is affine in the model', (id) => {
    const model = getModel(id);
    const values = getDefaultValues(id);
    const linear = numberFields(model.fields(ctx)).filter((f) => f.isNpvLinear);
    expect(linear.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...linear),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f, u) => {
          const span = Math.min(f.max, Math.max(10 * Math.abs(values[f.key] as number), 1));
          const lo = Math.max(f.min, -span);
          const xs = [lo, lo + u * (span - lo), span];
          const ys = xs.map((x) => modelNpv(model, { ...values, [f.key]: x }, ctx));
          const predicted = ys[0]! + ((ys[2]! - ys[0]!) * (xs[1]! - xs[0]!)) / (xs[2]! - xs[0]!);
          const scale = Math.abs(ys[0]!) + Math.abs(ys[2]!) + 1;
          expect(Math.abs(ys[1]! - predicted)).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('attrition, random scenarios: NPV is zero at the break-even and keeps its sign before it', () => {
    const model = getModel('attrition');
    const defaults = getDefaultValues('attrition');
    const scenario = fc.record({
      currentAttritionRate: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      virtualAttritionRate: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      replacementCost: fc.double({ min: 500, max: 50_000, noNaN: true }),
      platformCostPerAgentMonth: fc.double({ min: 0, max: 400, noNaN: true }),
      productivityGain: fc.double({ min: -0.1, max: 0.15, noNaN: true }),
      implementationCost: fc.double({ min: 0, max: 2e6, noNaN: true }),
      horizonYears: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const values = { ...defaults, ...s };
        const t = tornado(model, values, ctx, getRanges('attrition'));
        for (const row of t.rows) {
          if (row.breakEven) checkBreakEven('attrition', values, row.key, t.baseNpv, row.breakEven);
        }
      }),
      { numRuns: 40 },
    );
  });

  /**
   * Found: NPV there is zero (or, for whole numbers, has left its sign while the whole number
   * before it has not), and it keeps its sign at 16 points between the value and the root.
   * None: NPV keeps its sign at 64 points across the field's whole range.
   */
  function checkBreakEven(
    id: RoiModelId,
    values: InputValues,
    key: string,
    base: number,
    result: BreakEven,
  ) {
    const model = getModel(id);
    const field = numberFields(model.fields(ctx)).find((f) => f.key === key)!;
    const at = (x: number) => modelNpv(model, { ...values, [key]: x }, ctx);
    const value = values[key] as number;
    const sameSign = (y: number) => Math.sign(y) === Math.sign(base);
    const scale = Math.abs(base) + Math.abs(at(field.min)) + Math.abs(at(field.max)) + 1;
    if (result.kind === 'none') {
      for (let i = 0; i <= 64; i++) {
        const x = field.min + ((field.max - field.min) * i) / 64;
        const y = at(field.integer ? Math.round(x) : x);
        expect(sameSign(y) || Math.abs(y) <= 1e-9 * scale).toBe(true);
      }
      return;
    }
    expect(result.value).toBeGreaterThanOrEqual(field.min);
    expect(result.value).toBeLessThanOrEqual(field.max);
    if (field.integer) {
      expect(Number.isInteger(result.value)).toBe(true);
      expect(sameSign(at(result.value)) && at(result.value) !== 0).toBe(false);
    } else {
      expect(Math.abs(at(result.value))).toBeLessThanOrEqual(1e-7 * scale);
    }
    const end = field.integer ? result.value - Math.sign(result.value - value) : result.value;
    for (let i = 1; i < 16; i++) {
      const x = value + ((end - value) * i) / 16;
      const y = at(field.integer ? Math.round(x) : x);
      expect(sameSign(y) || Math.abs(y) <= 1e-7 * scale).toBe(true);
    }
  }
});
