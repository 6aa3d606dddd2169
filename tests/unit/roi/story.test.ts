import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ScenarioReport from '../../../src/components/roi/ScenarioReport';
import { SimulationSummary } from '../../../src/components/roi/SimulationSummary';
import {
  disputedInputs,
  distributionsFor,
  runMonteCarlo,
  type Distribution,
} from '../../../src/lib/roi/analysis/monte-carlo';
import {
  describeStory,
  GAP_THRESHOLD,
  HEADLINE_SEED,
  tellStory,
} from '../../../src/lib/roi/analysis/story';
import type { InputValues } from '../../../src/lib/roi/fields';
import { getModel, modelNpv } from '../../../src/lib/roi/models';
import {
  getBenchmarks,
  getDefaultValues,
  getModelContext,
  getRanges,
  listMarkets,
} from '../../../src/server/content/roi';

const attrition = getModel('attrition');
const ctx = getModelContext();

/** The risk-adjusted hand example of risk.test.ts. */
const example: InputValues = {
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
const headline = modelNpv(attrition, example, ctx);
const lopsided: Distribution = {
  key: 'replacementCost',
  label: 'Cost to replace one agent',
  low: 5_000,
  mode: 10_000,
  high: 20_000,
};

describe('the story of headline and median', () => {
  it('names a lopsided range with its NPV shift, worked by hand', () => {
    // Triangular mean (5,000 + 10,000 + 20,000)/3 = 11,666.67. Each $1 of replacement cost is
    // worth 50 agents × 0.2 × (1 − 0.2) = $8 a full year; discounted with the 0.75 first year,
    // 8 × (0.75/1.1 + 1/1.21 + 1/1.331) = 18.0766 per $1, so the shift is 18.0766 × 1,666.67.
    const story = tellStory(attrition, example, ctx, [lopsided], headline, {
      p50: headline + 100_000,
    });
    expect(story.isLarge).toBe(true);
    expect(story.causes).toHaveLength(1);
    expect(story.causes[0]!.mean).toBeCloseTo(35_000 / 3, 9);
    expect(story.causes[0]!.shift).toBeCloseTo(30_127.72, 1);
    const text = describeStory(story, () => 'currency')!;
    expect(text).toContain('Cost to replace one agent runs from $5,000 to $20,000 around $10,000');
    expect(text).toContain('lean up (mean $11,667; alone that moves NPV by $30,128)');
  });

  it('says nothing when median and headline agree within 25%', () => {
    const story = tellStory(attrition, example, ctx, [lopsided], headline, {
      p50: headline * (1 + GAP_THRESHOLD * 0.99),
    });
    expect(story.isLarge).toBe(false);
    expect(describeStory(story, () => 'currency')).toBeNull();
  });

  it('does not blame a symmetric range', () => {
    const symmetric = { ...lopsided, low: 8_000, high: 12_000 };
    const story = tellStory(attrition, example, ctx, [symmetric], headline, {
      p50: headline * 1.5,
    });
    expect(story.causes).toEqual([]);
    expect(describeStory(story, () => 'currency')).toMatch(/No single input explains it/);
  });

  it('does not blame a range that pushes the other way', () => {
    const story = tellStory(attrition, example, ctx, [lopsided], headline, {
      p50: headline * 0.5,
    });
    expect(story.causes).toEqual([]);
  });
});

describe('disputed ranges are simulated only on opt-in', () => {
  const benchmarks = getBenchmarks('attrition');
  const values = getDefaultValues('attrition');
  const ranges = getRanges('attrition');

  it('finds the disputed input of the attrition content', () => {
    expect(disputedInputs(benchmarks)).toEqual(['productivityGain']);
    const held = distributionsFor(attrition, values, ctx, ranges, {
      held: disputedInputs(benchmarks),
    });
    const all = distributionsFor(attrition, values, ctx, ranges);
    expect(held.map((d) => d.key)).not.toContain('productivityGain');
    expect(all.map((d) => d.key)).toContain('productivityGain');
    expect(all.length - held.length).toBe(1);
  });

  it('holding it brings the median closer to the headline, and the story names the rest', () => {
    const npv = modelNpv(attrition, values, ctx);
    const run = (held: string[]) => {
      const d = distributionsFor(attrition, values, ctx, ranges, { held });
      return { d, mc: runMonteCarlo(attrition, values, ctx, d, { trials: 4000, seed: 7 }) };
    };
    const out = run(disputedInputs(benchmarks));
    const inc = run([]);
    expect(Math.abs(out.mc.p50 - npv)).toBeLessThan(Math.abs(inc.mc.p50 - npv));
    const keys = tellStory(attrition, values, ctx, out.d, npv, out.mc).causes.map((c) => c.key);
    expect(keys).not.toContain('productivityGain');
    for (const key of keys) {
      const d = out.d.find((x) => x.key === key)!;
      expect(d.high - d.mode).toBeGreaterThan(d.mode - d.low); // lopsided upwards
    }
  });
});

describe('the simulation beside the headline', () => {
  const summary = {
    trials: 10_000,
    seed: HEADLINE_SEED,
    mean: 0,
    min: -1,
    max: 1,
    p10: -27_243,
    p50: 164_069,
    p90: 424_869,
    probabilityPositive: 0.8593,
    histogram: [],
  };
  const disputed = [{ key: 'productivityGain', label: 'Productivity change for virtual agents' }];

  it('shows P10, P50, P90, the chance NPV > 0 and says the disputed range is left out', () => {
    const html = renderToStaticMarkup(
      createElement(SimulationSummary, { summary, story: null, disputed, includeDisputed: false }),
    );
    for (const text of ['P10', '-$27,243', 'P50 (median)', '$164,069', 'P90', '$424,869', '86%'])
      expect(html).toContain(text);
    expect(html).toContain('10,000 trials, seed 1');
    expect(html).toContain(
      'The disputed range of productivity change for virtual agents is left out',
    );
    expect(html).not.toContain('type="checkbox"');
  });

  it('offers the opt-in where the page is interactive, and says when it is on', () => {
    const html = renderToStaticMarkup(
      createElement(SimulationSummary, {
        summary,
        story: 'Because.',
        disputed,
        includeDisputed: true,
        onIncludeDisputed: () => {},
      }),
    );
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('Including the disputed range');
    expect(html).toContain('Because.');
  });

  it('is in the scenario report too', () => {
    const values = getDefaultValues('attrition');
    const html = renderToStaticMarkup(
      createElement(ScenarioReport, {
        fields: attrition.fields(ctx),
        values,
        result: attrition.evaluate(values, ctx),
        benchmarks: getBenchmarks('attrition'),
        markets: listMarkets(),
      }),
    );
    expect(html).toContain('data-testid="simulation-summary"');
    expect(html).toContain('is left out');
  });
});
