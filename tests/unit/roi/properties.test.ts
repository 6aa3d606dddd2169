import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  distributionsFor,
  runMonteCarlo,
} from '../../../src/lib/roi/analysis/monte-carlo';
import { tornado } from '../../../src/lib/roi/analysis/sensitivity';
import {
  formatFieldText,
  parseFieldText,
  type InputValues,
  type NumberField,
} from '../../../src/lib/roi/fields';
import { discountedPaybackPeriod, irr, npv, paybackPeriod } from '../../../src/lib/roi/finance';
import { getModel } from '../../../src/lib/roi/models';
import { computeAttrition, type AttritionInputs } from '../../../src/lib/roi/models/attrition';
import {
  oddsRatio,
  outcomeProbability,
  CURVE_IDS,
} from '../../../src/lib/roi/models/speed-to-lead';
import { getDefaultValues, getModelContext, getRanges } from '../../../src/server/content/roi';

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const money = fc.double({ min: 0, max: 1e6, noNaN: true });

const attritionInputs: fc.Arbitrary<AttritionInputs> = fc.record({
  agents: fc.integer({ min: 1, max: 10_000 }),
  adoptionShare: rate,
  currentAttritionRate: rate,
  virtualAttritionRate: rate,
  replacementCost: money,
  annualAgentCost: money,
  productivityGain: fc.double({ min: -1, max: 1, noNaN: true }),
  seatCostPerYear: money,
  seatsReleasedShare: rate,
  platformCostPerAgentMonth: fc.double({ min: 0, max: 1000, noNaN: true }),
  implementationCost: money,
  rampMonths: fc.double({ min: 0, max: 12, noNaN: true }),
  horizonYears: fc.integer({ min: 1, max: 10 }),
  discountRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  benefitGrowth: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  costEscalation: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  riskAttritionSavings: rate,
  riskProductivityValue: rate,
  riskFacilitySavings: rate,
});

describe('properties', () => {
  it('attrition savings and NPV rise with current attrition', () => {
    fc.assert(
      fc.property(attritionInputs, rate, rate, (inputs, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const a = computeAttrition({ ...inputs, currentAttritionRate: low });
        const b = computeAttrition({ ...inputs, currentAttritionRate: high });
        const tolerance = 1e-9 * (1 + Math.abs(a.npv));
        expect(b.years[1]!.attritionSavings).toBeGreaterThanOrEqual(a.years[1]!.attritionSavings);
        expect(b.npv).toBeGreaterThanOrEqual(a.npv - tolerance);
      }),
    );
  });

  it('NPV falls as the discount rate rises for conventional cash flows', () => {
    const conventional = fc
      .tuple(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }),
      )
      .map(([outlay, inflows]) => [-outlay, ...inflows]);
    fc.assert(
      fc.property(conventional, rate, rate, (flows, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(npv(high, flows)).toBeLessThanOrEqual(npv(low, flows) + 1e-6);
      }),
    );
  });

  it('the attrition model NPV falls as its discount rate rises when its flows are conventional', () => {
    fc.assert(
      fc.property(attritionInputs, rate, rate, (inputs, x, y) => {
        const flows = computeAttrition(inputs).cashflows;
        fc.pre(flows.slice(1).every((f) => f >= 0));
        const [low, high] = x <= y ? [x, y] : [y, x];
        const a = computeAttrition({ ...inputs, discountRate: low });
        const b = computeAttrition({ ...inputs, discountRate: high });
        expect(b.npv).toBeLessThanOrEqual(a.npv + 1e-6 * (1 + Math.abs(a.npv)));
      }),
    );
  });

  it('NPV at the IRR is zero whenever an IRR is found', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 8 }),
        (flows) => {
          const r = irr(flows);
          if (r === null) return;
          // Relative to the size of the discounted terms: near r = −1 they are huge.
          const scale = flows.reduce((sum, v, t) => sum + Math.abs(v / (1 + r) ** t), 0);
          expect(Math.abs(npv(r, flows))).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
    );
  });

  it('discounting never shortens payback', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 8 }),
        rate,
        (flows, d) => {
          const plain = paybackPeriod(flows);
          const discounted = discountedPaybackPeriod(d, flows);
          if (plain !== null && discounted !== null)
            expect(discounted).toBeGreaterThanOrEqual(plain - 1e-9);
          if (plain === null && flows.every((f, i) => i === 0 || f >= 0))
            expect(discounted).toBeNull();
        },
      ),
    );
  });

  it('odds ratios never rise with delay and probabilities stay within 0..1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURVE_IDS),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (curve, m1, m2, base) => {
          const [early, late] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(oddsRatio(curve, late)).toBeLessThanOrEqual(oddsRatio(curve, early) + 1e-15);
          const p = outcomeProbability(base, curve, late);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('a typed number reads back as the same value', () => {
    const field: NumberField = {
      kind: 'number',
      key: 'x',
      label: 'X',
      unit: 'percent',
      group: 'g',
      min: -1,
      max: 1,
    };
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (value) => {
        const parsed = parseFieldText(field, formatFieldText(field, value));
        expect(parsed.value).toBeCloseTo(value, 9);
      }),
    );
  });
});

describe('Monte Carlo properties', () => {
  const ctx = getModelContext();
  const model = getModel('attrition');
  const ranges = getRanges('attrition');

  it('P10 ≤ P50 ≤ P90 and min ≤ mean ≤ max, for any seed and inputs', () => {
    fc.assert(
      fc.property(attritionInputs, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (inputs, seed) => {
        const values = { ...inputs };
        const summary = runMonteCarlo(
          model,
          values,
          ctx,
          distributionsFor(model, values, ctx, ranges),
          { trials: 200, seed },
        );
        expect(summary.p10).toBeLessThanOrEqual(summary.p50);
        expect(summary.p50).toBeLessThanOrEqual(summary.p90);
        expect(summary.min).toBeLessThanOrEqual(summary.mean + 1e-6 * Math.abs(summary.mean));
        expect(summary.mean).toBeLessThanOrEqual(summary.max + 1e-6 * Math.abs(summary.mean));
        expect(summary.histogram.reduce((n, b) => n + b.count, 0)).toBe(200);
      }),
      { numRuns: 50 },
    );
  });

  it('a seed reproduces a run, however it is split into chunks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 700 }),
        (seed, chunk) => {
          const values = getDefaultValues('attrition');
          const distributions = distributionsFor(model, values, ctx, ranges);
          const whole = runMonteCarlo(model, values, ctx, distributions, { trials: 1000, seed });
          const split = createSimulation(model, values, ctx, distributions, { trials: 1000, seed });
          while (split.completed() < split.trials) split.run(chunk);
          expect(split.summary()).toEqual(whole);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('different seeds give different runs', () => {
    const values = getDefaultValues('attrition');
    const distributions = distributionsFor(model, values, ctx, ranges);
    const a = runMonteCarlo(model, values, ctx, distributions, { trials: 1000, seed: 1 });
    const b = runMonteCarlo(model, values, ctx, distributions, { trials: 1000, seed: 2 });
    expect(a.mean).not.toBe(b.mean);
  });

  it('draws stay inside each triangular range', () => {
    const values = getDefaultValues('attrition');
    const distributions = distributionsFor(model, values, ctx, ranges);
    const current = distributions.find((d) => d.key === 'currentAttritionRate')!;
    expect(current).toMatchObject({ low: 0.3, mode: 0.35, high: 0.45 });
    const implementation = distributions.find((d) => d.key === 'implementationCost')!;
    expect(implementation.low).toBeCloseTo(80_000, 6);
    expect(implementation.high).toBeCloseTo(120_000, 6);
    expect(distributions.some((d) => d.key === 'agents')).toBe(false);
  });
});

describe('tornado', () => {
  it('moves each input to its benchmark range, else ±20%, and sorts by swing', () => {
    const ctx = getModelContext();
    const model = getModel('attrition');
    const values = getDefaultValues('attrition');
    const result = tornado(model, values, ctx, getRanges('attrition'));
    const swings = result.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const attrition = result.rows.find((r) => r.key === 'currentAttritionRate')!;
    expect(attrition).toMatchObject({ low: 0.3, high: 0.45, isFromBenchmark: true });
    const agents = result.rows.find((r) => r.key === 'agents')!;
    expect(agents).toMatchObject({ low: 400, high: 600, isFromBenchmark: false });
    expect(agents.npvLow).toBeCloseTo(
      getModel('attrition').evaluate({ ...values, agents: 400 }, ctx).npv,
      6,
    );
    // Nothing at 0 without a range moves: productivity has a range (−4%..13%), so it is there.
    expect(result.rows.some((r) => r.key === 'productivityGain')).toBe(true);
    for (const row of result.rows) {
      expect(Number.isFinite(row.npvLow) && Number.isFinite(row.npvHigh)).toBe(true);
    }
  });

  it('keeps calendar inputs out and works for every model', () => {
    const ctx = getModelContext();
    for (const id of ['attrition', 'speed-to-lead', 'market-sizing'] as const) {
      const result = tornado(getModel(id), getDefaultValues(id), ctx, getRanges(id));
      expect(result.rows.length).toBeGreaterThan(3);
      expect(result.rows.some((r) => r.key === 'firstYear')).toBe(false);
    }
  });
});

describe('market-sizing simulation fast path', () => {
  it('gives exactly the cash flows of the full model for any shares, margin and costs', () => {
    const ctx = getModelContext();
    const model = getModel('market-sizing');
    const base = getDefaultValues('market-sizing');
    const prepared = model.prepareSimulation!(base, ctx);
    const shares = Object.keys(base).filter((k) => k.includes('Share.'));
    fc.assert(
      fc.property(
        fc.array(rate, { minLength: shares.length, maxLength: shares.length }),
        rate,
        money,
        money,
        (values, margin, cost, upfront) => {
          const draw: InputValues = {
            ...base,
            grossMargin: margin,
            annualGoToMarketCost: cost,
            upfrontInvestment: upfront,
          };
          shares.forEach((k, i) => (draw[k] = values[i]!));
          expect(prepared(draw)).toEqual(model.cashflows(draw, ctx));
        },
      ),
    );
  });
});
