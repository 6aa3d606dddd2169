import type { Field } from '../fields';
import { riskFields, type BenefitLine } from '../risk';
import { CURVE_IDS, CURVES } from './speed-to-lead-curves';

/** The speed-to-lead model's inputs (see ./speed-to-lead.ts). */
const MONEY_MAX = 1e10;
const leads = 'Your leads';
const funnel = 'Your funnel';
const costs = 'Costs and timing';

/** The model's one benefit line and what drives its evidence (../risk.ts). */
export const SPEED_TO_LEAD_BENEFIT_LINES: readonly BenefitLine[] = [
  {
    key: 'riskExtraWins',
    label: 'gross profit from extra wins',
    drivers: ['curve', 'baseRate', 'qualifyRate', 'winRate', 'averageDealValue', 'grossMargin'],
  },
];

export const SPEED_TO_LEAD_FIELDS: readonly Field[] = [
  {
    kind: 'number',
    key: 'monthlyLeads',
    isNpvLinear: true,
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
    isNpvLinear: true,
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
    isNpvLinear: true,
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
    isNpvLinear: true,
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
    isNpvLinear: true,
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
    isNpvLinear: true,
    label: 'Running cost per month',
    unit: 'currency',
    group: costs,
    min: 0,
    max: MONEY_MAX,
  },
  {
    kind: 'number',
    key: 'implementationCost',
    isNpvLinear: true,
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
  ...riskFields(SPEED_TO_LEAD_BENEFIT_LINES),
];
