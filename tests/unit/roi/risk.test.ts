import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResultSummary } from '../../../src/components/roi/ResultSummary';
import type { BenchmarkDefault } from '../../../src/lib/content/roi-schemas';
import { checkNumber, numberFields } from '../../../src/lib/roi/fields';
import { npv } from '../../../src/lib/roi/finance';
import { BENEFIT_LINES, getModel, modelNpv } from '../../../src/lib/roi/models';
import { computeAttrition, type AttritionInputs } from '../../../src/lib/roi/models/attrition';
import { RISK_BY_STATUS, riskDefaults, worstStatus, withoutRisk } from '../../../src/lib/roi/risk';
import { ROI_MODEL_IDS } from '../../../src/lib/catalog';
import { getBenchmarks, getDefaultValues, getModelContext } from '../../../src/server/content/roi';

/** The hand-worked attrition example of models.test.ts, now with risk adjustments. */
const example: AttritionInputs = {
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
  benefitGrowth: 0,
  costEscalation: 0,
  riskAttritionSavings: 0.2,
  riskProductivityValue: 0.25,
  riskFacilitySavings: 0.15,
};

describe('risk-adjusted attrition, worked by hand', () => {
  // Full-run lines: attrition 100,000 × 0.80 = 80,000; productivity 150,000 × 0.75 = 112,500;
  // facility 50,000 × 0.85 = 42,500; together 235,000. Year 1 × 0.75 = 176,250.
  // Platform 60,000 a year, 45,000 in the ramped year 1.
  // Cash flows −50,000; 176,250 − 45,000 = 131,250; 175,000; 175,000.
  const r = computeAttrition(example);

  it('reduces each benefit line by its own adjustment', () => {
    expect(r.years[2]).toMatchObject({
      attritionSavings: 80_000,
      productivityValue: 112_500,
      facilitySavings: 42_500,
      platformCost: 60_000,
    });
    expect(r.cashflows).toEqual([-50_000, 131_250, 175_000, 175_000]);
  });

  it('reports risk-adjusted figures, with the unadjusted ones beside them', () => {
    // −50,000 + 131,250/1.1 + 175,000/1.21 + 175,000/1.331
    expect(r.npv).toBeCloseTo(345_426.37, 2);
    // PV benefits 531,001.13; PV costs 50,000 + 45,000/1.1 + 60,000/1.21 + 60,000/1.331.
    expect(r.roi).toBeCloseTo((531_001.127 - 185_574.756) / 185_574.756, 6);
    // 50,000 of 131,250 into year 1.
    expect(r.paybackYears).toBeCloseTo(50_000 / 131_250, 10);
    // The unadjusted figures are the worked example's own: NPV 492,299.02, payback 50/180.
    expect(r.unadjusted!.npv).toBeCloseTo(492_299.02, 2);
    expect(r.unadjusted!.paybackYears).toBeCloseTo(50_000 / 180_000, 10);
    expect(r.unadjusted!.irr).toBeGreaterThan(r.irr!);
  });
});

describe('default risk adjustments follow the evidence', () => {
  const source = (status: BenchmarkDefault['sources'][number]['status']) => ({
    title: 'A source',
    publisher: 'Someone',
    year: 2020 as const,
    url: 'https://example.org/',
    status,
  });
  const benchmark = (...statuses: BenchmarkDefault['sources'][number]['status'][]) =>
    ({
      value: 1,
      basis: 'published',
      note: 'A note long enough.',
      sources: statuses.map(source),
    }) as BenchmarkDefault;

  it.each([
    [['primary'], 0.05],
    [['primary', 'secondary'], 0.1],
    [['secondary', 'assumption'], 0.15],
    [['primary', 'vendor-claim'], 0.2],
    [['secondary', 'disputed'], 0.25],
    [['unverified', 'primary'], 0.3],
  ] as const)('sources %j give %s', (statuses, expected) => {
    const line = { key: 'riskX', label: 'x', drivers: ['a', 'b.'] };
    const defaults = riskDefaults([line], {
      a: benchmark(statuses[0]),
      'b.1': benchmark(...statuses.slice(1)),
      unrelated: benchmark('unverified'),
    });
    expect(defaults.riskX!.value).toBe(expected);
    expect(defaults.riskX!.range).toEqual({ low: 0, high: Math.min(1, 2 * expected) });
    expect(defaults.riskX!.note).toMatch(new RegExp(`^${Math.round(expected * 100)}% because`));
  });

  it.each(ROI_MODEL_IDS)('%s: each line defaults to the scale at its weakest driver', (id) => {
    const benchmarks = getBenchmarks(id);
    for (const line of BENEFIT_LINES[id]) {
      const driving = Object.entries(benchmarks).filter(([key]) =>
        line.drivers.some((d) => (d.endsWith('.') ? key.startsWith(d) : key === d)),
      );
      expect(driving.length, line.key).toBeGreaterThan(0);
      const worst = worstStatus(driving.flatMap(([, b]) => b.sources));
      expect(benchmarks[line.key]!.value, line.key).toBe(RISK_BY_STATUS[worst]);
      expect(getDefaultValues(id)[line.key], line.key).toBe(RISK_BY_STATUS[worst]);
    }
  });

  it('the scale rises as the evidence weakens', () => {
    const order = [
      'primary',
      'secondary',
      'assumption',
      'vendor-claim',
      'disputed',
      'unverified',
    ] as const;
    for (let i = 1; i < order.length; i++) {
      expect(RISK_BY_STATUS[order[i]!]).toBeGreaterThan(RISK_BY_STATUS[order[i - 1]!]);
    }
  });
});

describe('risk adjustment inputs', () => {
  const ctx = getModelContext();

  it('refuses a value outside 0–100% with a message beside the field', () => {
    const field = numberFields(getModel('attrition').fields(ctx)).find(
      (f) => f.key === 'riskAttritionSavings',
    )!;
    expect(checkNumber(field, 1.2)).toBe(
      'Risk adjustment: attrition savings must be at most 100%.',
    );
    expect(checkNumber(field, -0.1)).toBe('Risk adjustment: attrition savings cannot be negative.');
    expect(checkNumber(field, 0.3)).toBeNull();
  });

  it.each(ROI_MODEL_IDS)(
    '%s: NPV falls as any risk adjustment rises; 100% removes the benefit, 0% is unadjusted',
    (id) => {
      const model = getModel(id);
      const values = getDefaultValues(id);
      const lines = BENEFIT_LINES[id];
      fc.assert(
        fc.property(
          fc.constantFrom(...lines),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (line, x, y) => {
            const [low, high] = x <= y ? [x, y] : [y, x];
            const a = modelNpv(model, { ...values, [line.key]: low }, ctx);
            const b = modelNpv(model, { ...values, [line.key]: high }, ctx);
            expect(b).toBeLessThanOrEqual(a + 1e-9 * Math.abs(a));
          },
        ),
        { numRuns: 40 },
      );
      const result = model.evaluate(values, ctx);
      const full = model.evaluate(withoutRisk(values, lines), ctx);
      expect(result.unadjusted!.npv).toBeCloseTo(full.npv, 4);
      const none = Object.fromEntries(lines.map((l) => [l.key, 1]));
      const nothing = model.evaluate({ ...values, ...none }, ctx);
      expect(nothing.npv).toBeCloseTo(-npv(values.discountRate as number, nothing.costs), 4);
    },
  );

  it('are kept out of the tornado and the simulation', () => {
    for (const id of ROI_MODEL_IDS) {
      const risk = numberFields(getModel(id).fields(ctx)).filter((f) => f.key.startsWith('risk'));
      expect(risk.length).toBe(BENEFIT_LINES[id].length);
      for (const f of risk) {
        expect(f.sensitivity).toBe(false);
        expect(f.uncertain).toBeFalsy();
      }
    }
  });
});

describe('the results summary shows both', () => {
  it('risk-adjusted figures first, unadjusted beside each', () => {
    const html = renderToStaticMarkup(
      createElement(ResultSummary, { result: computeAttrition(example) }),
    );
    expect(html).toContain('Risk-adjusted, over 3 years');
    expect(html.match(/Before risk adjustment:/g)?.length).toBe(4);
    expect(html).toContain('Before risk adjustment: $492,299');
  });
});
