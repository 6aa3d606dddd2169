/**
 * Market sizing: TAM, SAM and SOM over time from published market estimates, and the business
 * case of going after the obtainable share.
 *
 * Each estimate is projected by compound growth from its base year (its own CAGR, or the CAGR
 * implied by its end value). Per market and year: conservative = lowest estimate, base =
 * median, aggressive = highest. TAM = Σ markets; SAM = Σ market × serviceable share;
 * SOM = Σ market × serviceable share × obtainable share × adoption(year), where adoption rises
 * in a straight line from 1/A in the first year to 100% in year A (A = adoption ramp in years)
 * and stays there. Cash flows: year 0 = −upfront investment; year i = SOM × gross margin −
 * yearly go-to-market cost. Every estimate carries its source in content/markets/.
 */
import { cagr as growthRate, projectValue } from '../finance';
import { grown } from '../time-shape';
import { validateValues } from '../fields';
import {
  flattenMarketSizingInputs,
  marketSizingFields,
  SCENARIOS,
  type Scenario,
} from './market-sizing-fields';
import { somEvidence, type SomEvidence } from './market-sizing-evidence';
import { RoiInputError, summarise, type CashflowSummary } from './summary';

export interface MarketEstimate {
  id: string;
  label: string;
  baseYear: number;
  baseValue: number;
  cagr?: number | undefined;
  endYear?: number | undefined;
  endValue?: number | undefined;
  /** Last year the source's growth rate covers; later years are extrapolation. */
  growthUntil?: number | undefined;
  fromEssay?: boolean | undefined;
  /** The source's status, when the content gives it ('unverified' counts as weak evidence). */
  source?: { status: string } | undefined;
}

export interface MarketData {
  id: string;
  name: string;
  estimates: readonly MarketEstimate[];
}

export { SCENARIOS, type Scenario } from './market-sizing-fields';

export interface MarketSizingInputs {
  firstYear: number;
  horizonYears: number;
  scenario: Scenario;
  adoptionRampYears: number;
  grossMargin: number;
  annualGoToMarketCost: number;
  upfrontInvestment: number;
  discountRate: number;
  /** Risk adjustment (0–1) of the gross margin on revenue won (../risk.ts, TEI style). */
  riskRevenueWon: number;
  /** Yearly escalation of the go-to-market cost from year 1 (fraction). */
  costEscalation: number;
  /** Per market id. */
  serviceableShare: Record<string, number>;
  obtainableShare: Record<string, number>;
  /** Estimate ids left out of the range. */
  excludedEstimates: readonly string[];
}

/** The estimate's yearly growth: its CAGR, or the one implied by its end value. */
export function estimateGrowth(e: MarketEstimate): number {
  if (e.cagr !== undefined) return e.cagr;
  return growthRate(
    e.baseValue,
    e.endValue ?? e.baseValue,
    (e.endYear ?? e.baseYear + 1) - e.baseYear,
  );
}

/** The estimate's value in `year`, by compound growth from its base year. */
export function projectEstimate(e: MarketEstimate, year: number): number {
  return projectValue(e.baseValue, estimateGrowth(e), year - e.baseYear);
}

/** Years beyond the last year the source covers (0 when within it). */
export function extrapolatedYears(e: MarketEstimate, year: number): number {
  return Math.max(0, year - (e.growthUntil ?? e.endYear ?? e.baseYear));
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MarketYear {
  year: number;
  conservative: number;
  base: number;
  aggressive: number;
  /** How many estimates were used. */
  estimates: number;
}

/** Conservative, base and aggressive size of one market in `year`, from the estimates kept. */
export function marketRange(
  market: MarketData,
  year: number,
  excluded: ReadonlySet<string>,
): MarketYear {
  const values = market.estimates
    .filter((e) => !excluded.has(e.id))
    .map((e) => projectEstimate(e, year))
    .sort((a, b) => a - b);
  if (values.length === 0) return { year, conservative: 0, base: 0, aggressive: 0, estimates: 0 };
  return {
    year,
    conservative: values[0]!,
    base: median(values),
    aggressive: values[values.length - 1]!,
    estimates: values.length,
  };
}

/** Straight-line adoption: year i of the plan (1-based) reaches min(1, i / A). */
export function adoption(yearIndex: number, rampYears: number): number {
  return Math.min(1, yearIndex / rampYears);
}

export interface SizingYear {
  year: number;
  adoption: number;
  tam: Record<Scenario, number>;
  sam: number;
  som: number;
  markets: {
    id: string;
    name: string;
    size: number;
    sam: number;
    som: number;
    estimates: number;
  }[];
}

// The projections depend only on the years and the estimates kept, not on the shares and money
// the simulation varies, so the last ones are kept. A shorter horizon reads a prefix of a longer
// one's rows, so the cache holds the longest horizon asked for (the tornado and break-even move
// the horizon without recomputing every year).
let cache: { key: string; years: number; rows: MarketYear[][] } | undefined;

function projections(x: MarketSizingInputs, markets: readonly MarketData[]): MarketYear[][] {
  const key = `${x.firstYear}|${x.excludedEstimates.join(',')}|${markets.map((m) => m.id).join(',')}`;
  if (cache?.key === key && cache.years >= x.horizonYears) return cache.rows;
  const excluded = new Set(x.excludedEstimates);
  const years = Math.max(x.horizonYears, cache?.key === key ? cache.years : 0);
  const rows = markets.map((m) =>
    Array.from({ length: years }, (_, i) => marketRange(m, x.firstYear + i, excluded)),
  );
  cache = { key, years, rows };
  return rows;
}

/** TAM, SAM and SOM per plan year (no validation). */
export function sizingYears(x: MarketSizingInputs, markets: readonly MarketData[]): SizingYear[] {
  const rows = projections(x, markets);
  return Array.from({ length: x.horizonYears }, (_, i) => {
    const share = adoption(i + 1, x.adoptionRampYears);
    const tam = { conservative: 0, base: 0, aggressive: 0 };
    let sam = 0;
    let som = 0;
    const perMarket = markets.map((m, j) => {
      const range = rows[j]![i]!;
      for (const s of SCENARIOS) tam[s] += range[s];
      const size = range[x.scenario];
      const serviceable = size * (x.serviceableShare[m.id] ?? 0);
      const obtainable = serviceable * (x.obtainableShare[m.id] ?? 0) * share;
      sam += serviceable;
      som += obtainable;
      return {
        id: m.id,
        name: m.name,
        size,
        sam: serviceable,
        som: obtainable,
        estimates: range.estimates,
      };
    });
    return { year: x.firstYear + i, adoption: share, tam, sam, som, markets: perMarket };
  });
}

function flows(x: MarketSizingInputs, years: SizingYear[]) {
  const counted = 1 - (x.riskRevenueWon ?? 0);
  // Same order as prepareMarketSizing: margin × (1 − risk) first, then × SOM.
  const benefits = [0, ...years.map((y) => y.som * (x.grossMargin * counted))];
  const costs = [
    x.upfrontInvestment,
    ...years.map((_, i) => x.annualGoToMarketCost * grown(x.costEscalation ?? 0, i + 1)),
  ];
  return { benefits, costs };
}

/** Cash flows only, for simulation loops (no validation). */
export function marketSizingCashflows(
  x: MarketSizingInputs,
  markets: readonly MarketData[],
): number[] {
  const { benefits, costs } = flows(x, sizingYears(x, markets));
  return benefits.map((b, i) => b - costs[i]!);
}

/**
 * A fast cash-flow function for simulation: market sizes and adoption are computed once for
 * these years and estimates, so only the shares, margin and costs (the inputs a simulation
 * varies) are read per call. Same arithmetic, in the same order, as marketSizingCashflows.
 */
export function prepareMarketSizing(
  x: MarketSizingInputs,
  markets: readonly MarketData[],
): (values: Record<string, number | string>) => number[] {
  const years = sizingYears(x, markets);
  const sizes = years.map((y) => y.markets.map((m) => m.size));
  const shareKeys = markets.map(
    (m) => [`serviceableShare.${m.id}`, `obtainableShare.${m.id}`] as const,
  );
  return (v) => {
    const margin = Number(v.grossMargin) * (1 - Number(v.riskRevenueWon ?? 0));
    const cost = Number(v.annualGoToMarketCost);
    const escalation = Number(v.costEscalation ?? 0);
    const flows = [0 - Number(v.upfrontInvestment)];
    for (let i = 0; i < years.length; i++) {
      let som = 0;
      for (let j = 0; j < markets.length; j++) {
        const [serviceableKey, obtainableKey] = shareKeys[j]!;
        const serviceable = sizes[i]![j]! * Number(v[serviceableKey] ?? 0);
        som += serviceable * Number(v[obtainableKey] ?? 0) * years[i]!.adoption;
      }
      flows.push(som * margin - cost * grown(escalation, i + 1));
    }
    return flows;
  };
}

export interface MarketSizingResult extends CashflowSummary {
  years: SizingYear[];
  /** Estimates used past the last year their source covers: id → years of extrapolation. */
  extrapolated: { id: string; label: string; market: string; years: number }[];
  /** The share of SOM that rests on extrapolated or unverified estimates. */
  evidence: SomEvidence;
}

/** Validates the inputs (RoiInputError names each bad field) and computes the sizing. */
export function computeMarketSizing(
  inputs: MarketSizingInputs,
  markets: readonly MarketData[],
): MarketSizingResult {
  const issues = validateValues(
    marketSizingFields(markets),
    flattenMarketSizingInputs(inputs, markets),
  );
  if (issues.length) throw new RoiInputError(issues);
  const years = sizingYears(inputs, markets);
  const { benefits, costs } = flows(inputs, years);
  const unadjusted = flows({ ...inputs, riskRevenueWon: 0 }, years).benefits;
  const lastYear = inputs.firstYear + inputs.horizonYears - 1;
  const excluded = new Set(inputs.excludedEstimates);
  const extrapolated = markets.flatMap((m) =>
    m.estimates
      .filter((e) => !excluded.has(e.id) && extrapolatedYears(e, lastYear) > 0)
      .map((e) => ({
        id: e.id,
        label: e.label,
        market: m.id,
        years: extrapolatedYears(e, lastYear),
      })),
  );
  return {
    ...summarise(benefits, costs, inputs.discountRate, unadjusted),
    years,
    extrapolated,
    evidence: somEvidence(inputs, markets, years),
  };
}
