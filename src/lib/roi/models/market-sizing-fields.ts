/**
 * The market-sizing inputs as flat fields (one per key), so the calculator, validation,
 * tornado and simulation treat them like the other models'. Per-market shares are keyed
 * `serviceableShare.<market>` and `obtainableShare.<market>`; each estimate has an on/off
 * toggle `include.<estimate>`.
 */
import type { Field, InputValues } from '../fields';
import { riskFields, type BenefitLine } from '../risk';
import { growthFields } from '../time-shape';
import type { MarketData, MarketSizingInputs } from './market-sizing';

export const SCENARIOS = ['conservative', 'base', 'aggressive'] as const;

/**
 * The model's one benefit line, gross margin on the revenue won; its evidence is the market
 * estimates kept (toggles `include.<estimate>`), the shares and the margin (../risk.ts).
 */
export const MARKET_SIZING_BENEFIT_LINES: readonly BenefitLine[] = [
  {
    key: 'riskRevenueWon',
    label: 'gross margin on revenue won',
    drivers: ['grossMargin', 'serviceableShare.', 'obtainableShare.', 'include.'],
  },
];
export type Scenario = (typeof SCENARIOS)[number];

const MONEY_MAX = 1e12;

export function marketSizingFields(markets: readonly MarketData[]): Field[] {
  const plan = 'Plan';
  const money = 'Costs and returns';
  const fields: Field[] = [
    {
      kind: 'number',
      key: 'firstYear',
      label: 'First year of the plan',
      unit: 'year',
      group: plan,
      min: 2000,
      max: 2100,
      integer: true,
      sensitivity: false,
    },
    {
      kind: 'number',
      key: 'horizonYears',
      label: 'Horizon',
      unit: 'years',
      group: plan,
      min: 1,
      max: 10,
      integer: true,
    },
    {
      kind: 'choice',
      key: 'scenario',
      label: 'Market size used for SAM and SOM',
      group: plan,
      options: SCENARIOS.map((s) => ({ value: s, label: SCENARIO_LABELS[s] })),
    },
    {
      kind: 'number',
      key: 'adoptionRampYears',
      label: 'Years to full adoption',
      unit: 'years',
      group: plan,
      min: 1,
      max: 10,
      integer: true,
      hint: 'SOM rises in a straight line to its full share in this many years.',
    },
    {
      kind: 'number',
      key: 'grossMargin',
      isNpvLinear: true,
      label: 'Gross margin on revenue won',
      unit: 'percent',
      group: money,
      min: 0,
      max: 1,
      uncertain: true,
    },
    {
      kind: 'number',
      key: 'annualGoToMarketCost',
      isNpvLinear: true,
      label: 'Go-to-market cost per year',
      unit: 'currency',
      group: money,
      min: 0,
      max: MONEY_MAX,
      uncertain: true,
    },
    {
      kind: 'number',
      key: 'upfrontInvestment',
      isNpvLinear: true,
      label: 'Upfront investment',
      unit: 'currency',
      group: money,
      min: 0,
      max: MONEY_MAX,
      uncertain: true,
    },
    {
      kind: 'number',
      key: 'discountRate',
      label: 'Discount rate',
      unit: 'percent',
      group: money,
      min: 0,
      max: 1,
    },
  ];
  for (const m of markets) {
    fields.push(
      {
        kind: 'number',
        key: `serviceableShare.${m.id}`,
        isNpvLinear: true,
        label: `${m.name}: serviceable share`,
        unit: 'percent',
        group: m.name,
        min: 0,
        max: 1,
        uncertain: true,
        hint: 'Share of the market your solutions can serve (SAM ÷ TAM).',
      },
      {
        kind: 'number',
        key: `obtainableShare.${m.id}`,
        isNpvLinear: true,
        label: `${m.name}: obtainable share`,
        unit: 'percent',
        group: m.name,
        min: 0,
        max: 1,
        uncertain: true,
        hint: 'Share of the serviceable market you can win at full adoption (SOM ÷ SAM).',
      },
    );
  }
  for (const m of markets) {
    for (const e of m.estimates) {
      fields.push({
        kind: 'toggle',
        key: `include.${e.id}`,
        label: `Use ${e.label}`,
        group: `Estimates used: ${m.name}`,
      });
    }
  }
  // Benefits already grow with each market's estimates; only the go-to-market cost escalates.
  fields.push(...growthFields(money).filter((f) => f.key === 'costEscalation'));
  fields.push(...riskFields(MARKET_SIZING_BENEFIT_LINES));
  return fields;
}

export const SCENARIO_LABELS: Record<Scenario, string> = {
  conservative: 'Conservative (lowest estimate)',
  base: 'Base (median estimate)',
  aggressive: 'Aggressive (highest estimate)',
};

/** Flat values (as the calculator and the API carry them) to the model's inputs. */
export function toMarketSizingInputs(
  values: InputValues,
  markets: readonly MarketData[],
): MarketSizingInputs {
  const num = (key: string) => Number(values[key] ?? 0);
  const serviceableShare: Record<string, number> = {};
  const obtainableShare: Record<string, number> = {};
  const excludedEstimates: string[] = [];
  for (const m of markets) {
    serviceableShare[m.id] = num(`serviceableShare.${m.id}`);
    obtainableShare[m.id] = num(`obtainableShare.${m.id}`);
    for (const e of m.estimates) if (values[`include.${e.id}`] === 0) excludedEstimates.push(e.id);
  }
  return {
    firstYear: num('firstYear'),
    horizonYears: num('horizonYears'),
    scenario: (values.scenario as Scenario) ?? 'conservative',
    adoptionRampYears: num('adoptionRampYears'),
    grossMargin: num('grossMargin'),
    annualGoToMarketCost: num('annualGoToMarketCost'),
    upfrontInvestment: num('upfrontInvestment'),
    discountRate: num('discountRate'),
    riskRevenueWon: num('riskRevenueWon'),
    costEscalation: num('costEscalation'),
    serviceableShare,
    obtainableShare,
    excludedEstimates,
  };
}

/** The model's inputs back to flat values. */
export function flattenMarketSizingInputs(
  x: MarketSizingInputs,
  markets: readonly MarketData[],
): InputValues {
  const excluded = new Set(x.excludedEstimates);
  const out: InputValues = {
    firstYear: x.firstYear,
    horizonYears: x.horizonYears,
    scenario: x.scenario,
    adoptionRampYears: x.adoptionRampYears,
    grossMargin: x.grossMargin,
    annualGoToMarketCost: x.annualGoToMarketCost,
    upfrontInvestment: x.upfrontInvestment,
    discountRate: x.discountRate,
    riskRevenueWon: x.riskRevenueWon,
    costEscalation: x.costEscalation,
  };
  for (const m of markets) {
    if (x.serviceableShare[m.id] !== undefined)
      out[`serviceableShare.${m.id}`] = x.serviceableShare[m.id]!;
    if (x.obtainableShare[m.id] !== undefined)
      out[`obtainableShare.${m.id}`] = x.obtainableShare[m.id]!;
    for (const e of m.estimates) out[`include.${e.id}`] = excluded.has(e.id) ? 0 : 1;
  }
  return out;
}
