/**
 * Speed-to-lead: what answering leads faster is worth. Published response-time studies give
 * odds ratios at a few delays ("anchors"); between anchors ln(ratio) is interpolated linearly in
 * minutes, outside them the ratio is held at the nearest anchor (never extrapolated).
 *
 *   odds(t) = baseRate / (1 − baseRate) × ratio(t);  P(t) = odds / (1 + odds)
 *   wins per month = leads × P(t) × qualifyRate × winRate   (contact curve)
 *                  = leads × P(t) × winRate                 (qualify curves)
 *   yearly benefit = 12 × (wins(target) − wins(current)) × averageDealValue × grossMargin
 *   yearly cost = 12 × monthlyCost; year 0 = −implementationCost
 *
 * The ratio is applied to odds, not probability, so P stays below 100% (research note 3d in
 * the benchmark content).
 */
import { validateValues, type Field } from '../fields';
import { RoiInputError, summarise, type CashflowSummary } from './summary';

export const CURVE_IDS = ['mit-contact', 'mit-qualify', 'hbr-qualify'] as const;
export type CurveId = (typeof CURVE_IDS)[number];

export interface Curve {
  id: CurveId;
  label: string;
  outcome: 'contact' | 'qualify';
  /** [minutes, odds ratio against the first anchor], ascending in minutes. */
  anchors: readonly (readonly [number, number])[];
}

/**
 * Anchors, as odds ratios against the first one:
 * - mit-contact, mit-qualify: Oldroyd, InsideSales.com and MIT, "Lead Response Management
 *   Study" (2007): contact odds fall 100× from 5 to 30 minutes; qualify odds fall 4× by 10
 *   minutes and 21× by 30.
 * - hbr-qualify: Oldroyd, McElheran and Elkington, "The Short Life of Online Sales Leads",
 *   Harvard Business Review (March 2011): within an hour ≈7× an hour later, ≈60× after 24 hours.
 */
export const CURVES: Record<CurveId, Curve> = {
  'mit-contact': {
    id: 'mit-contact',
    label: 'MIT/InsideSales 2007: odds of contacting the lead',
    outcome: 'contact',
    anchors: [
      [5, 1],
      [30, 1 / 100],
    ],
  },
  'mit-qualify': {
    id: 'mit-qualify',
    label: 'MIT/InsideSales 2007: odds of qualifying the lead',
    outcome: 'qualify',
    anchors: [
      [5, 1],
      [10, 1 / 4],
      [30, 1 / 21],
    ],
  },
  'hbr-qualify': {
    id: 'hbr-qualify',
    label: 'HBR 2011: odds of qualifying the lead (hours)',
    outcome: 'qualify',
    anchors: [
      [60, 1],
      [120, 1 / 7],
      [1440, 1 / 60],
    ],
  },
};

/** The odds ratio at `minutes`: log-linear between anchors, clamped outside them. */
export function oddsRatio(curve: CurveId, minutes: number): number {
  const anchors = CURVES[curve].anchors;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (minutes <= first[0]) return first[1];
  if (minutes >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const [m1, r1] = anchors[i]!;
    const [m0, r0] = anchors[i - 1]!;
    if (minutes <= m1) {
      const share = (minutes - m0) / (m1 - m0);
      return Math.exp(Math.log(r0) + share * (Math.log(r1) - Math.log(r0)));
    }
  }
  return last[1];
}

/** Probability of the outcome at `minutes`, given its probability `baseRate` at the first anchor. */
export function outcomeProbability(baseRate: number, curve: CurveId, minutes: number): number {
  if (baseRate >= 1) return 1;
  const odds = (baseRate / (1 - baseRate)) * oddsRatio(curve, minutes);
  return odds / (1 + odds);
}

export interface SpeedToLeadInputs {
  monthlyLeads: number;
  currentResponseMinutes: number;
  targetResponseMinutes: number;
  curve: CurveId;
  baseRate: number;
  qualifyRate: number;
  winRate: number;
  averageDealValue: number;
  grossMargin: number;
  monthlyCost: number;
  implementationCost: number;
  horizonYears: number;
  discountRate: number;
}

const MONEY_MAX = 1e10;
const leads = 'Your leads';
const funnel = 'Your funnel';
const costs = 'Costs and timing';

export const SPEED_TO_LEAD_FIELDS: readonly Field[] = [
  {
    kind: 'number',
    key: 'monthlyLeads',
    label: 'Inbound leads per month',
    unit: 'count',
    group: leads,
    min: 0,
    max: 10_000_000,
  },
  {
    kind: 'number',
    key: 'currentResponseMinutes',
    label: 'Current time to first response',
    unit: 'minutes',
    group: leads,
    min: 0,
    max: 43_200,
  },
  {
    kind: 'number',
    key: 'targetResponseMinutes',
    label: 'Target time to first response',
    unit: 'minutes',
    group: leads,
    min: 0,
    max: 43_200,
  },
  {
    kind: 'choice',
    key: 'curve',
    label: 'Response-time evidence',
    group: leads,
    options: CURVE_IDS.map((id) => ({ value: id, label: CURVES[id].label })),
  },
  {
    kind: 'number',
    key: 'baseRate',
    label: 'Outcome rate at the first anchor',
    unit: 'percent',
    group: funnel,
    min: 0,
    max: 0.99,
    uncertain: true,
    hint: 'How often the outcome (contact or qualify) happens when you respond at the curve’s first anchor.',
  },
  {
    kind: 'number',
    key: 'qualifyRate',
    label: 'Contacted leads that qualify',
    unit: 'percent',
    group: funnel,
    min: 0,
    max: 1,
    uncertain: true,
    hint: 'Used with the contact curve only.',
  },
  {
    kind: 'number',
    key: 'winRate',
    label: 'Qualified leads that become customers',
    unit: 'percent',
    group: funnel,
    min: 0,
    max: 1,
    uncertain: true,
  },
  {
    kind: 'number',
    key: 'averageDealValue',
    label: 'Average first-year deal value',
    unit: 'currency',
    group: funnel,
    min: 0,
    max: MONEY_MAX,
    uncertain: true,
  },
  {
    kind: 'number',
    key: 'grossMargin',
    label: 'Gross margin',
    unit: 'percent',
    group: funnel,
    min: 0,
    max: 1,
    uncertain: true,
  },
  {
    kind: 'number',
    key: 'monthlyCost',
    label: 'Running cost per month',
    unit: 'currency',
    group: costs,
    min: 0,
    max: MONEY_MAX,
  },
  {
    kind: 'number',
    key: 'implementationCost',
    label: 'One-time implementation cost',
    unit: 'currency',
    group: costs,
    min: 0,
    max: MONEY_MAX,
    uncertain: true,
  },
  {
    kind: 'number',
    key: 'horizonYears',
    label: 'Horizon',
    unit: 'years',
    group: costs,
    min: 1,
    max: 10,
    integer: true,
  },
  {
    kind: 'number',
    key: 'discountRate',
    label: 'Discount rate',
    unit: 'percent',
    group: costs,
    min: 0,
    max: 1,
  },
];

export interface SpeedToLeadResult extends CashflowSummary {
  probabilityCurrent: number;
  probabilityTarget: number;
  winsPerMonthCurrent: number;
  winsPerMonthTarget: number;
  extraWinsPerYear: number;
  yearlyBenefit: number;
  yearlyCost: number;
}

function winsPerMonth(x: SpeedToLeadInputs, minutes: number): number {
  const p = outcomeProbability(x.baseRate, x.curve, minutes);
  const funnelRate = CURVES[x.curve].outcome === 'contact' ? x.qualifyRate * x.winRate : x.winRate;
  return x.monthlyLeads * p * funnelRate;
}

function yearlyFlows(x: SpeedToLeadInputs): { benefit: number; cost: number } {
  const extra =
    winsPerMonth(x, x.targetResponseMinutes) - winsPerMonth(x, x.currentResponseMinutes);
  return { benefit: 12 * extra * x.averageDealValue * x.grossMargin, cost: 12 * x.monthlyCost };
}

/** Cash flows only, for simulation loops (no validation). */
export function speedToLeadCashflows(x: SpeedToLeadInputs): number[] {
  const { benefit, cost } = yearlyFlows(x);
  const flows = [-x.implementationCost];
  for (let y = 1; y <= x.horizonYears; y++) flows.push(benefit - cost);
  return flows;
}

/** Validates the inputs (RoiInputError names each bad field) and computes the business case. */
export function computeSpeedToLead(inputs: SpeedToLeadInputs): SpeedToLeadResult {
  const issues = validateValues(SPEED_TO_LEAD_FIELDS, inputs as unknown as Record<string, unknown>);
  if (issues.length) throw new RoiInputError(issues);
  const { benefit, cost } = yearlyFlows(inputs);
  const benefits = [0];
  const costs = [inputs.implementationCost];
  for (let y = 1; y <= inputs.horizonYears; y++) {
    benefits.push(benefit);
    costs.push(cost);
  }
  const current = winsPerMonth(inputs, inputs.currentResponseMinutes);
  const target = winsPerMonth(inputs, inputs.targetResponseMinutes);
  return {
    ...summarise(benefits, costs, inputs.discountRate),
    probabilityCurrent: outcomeProbability(
      inputs.baseRate,
      inputs.curve,
      inputs.currentResponseMinutes,
    ),
    probabilityTarget: outcomeProbability(
      inputs.baseRate,
      inputs.curve,
      inputs.targetResponseMinutes,
    ),
    winsPerMonthCurrent: current,
    winsPerMonthTarget: target,
    extraWinsPerYear: 12 * (target - current),
    yearlyBenefit: benefit,
    yearlyCost: cost,
  };
}
