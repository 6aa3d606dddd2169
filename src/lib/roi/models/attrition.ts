/**
 * Virtual contact centre: what moving a share of agents to work from home is worth, through
 * lower attrition, any productivity change and released seats, against the platform's cost.
 *
 * Formulas (yearly, at full run):
 *   attrition savings   N·s·(a₀ − a₁)·C
 *   productivity value  N·s·g·S
 *   facility savings    N·s·r·F
 *   platform cost       N·s·P·12
 * Year 1 benefits are scaled by (12 − R/2)/12: adoption ramps linearly over R months, so on
 * average half the ramp is lost; the platform is paid per agent moved, so its year-1 cost ramps
 * the same way (../time-shape.ts). Year y's benefits grow by (1 + g)^(y−1) and the platform cost
 * escalates by (1 + e)^(y−1). Each benefit line is then reduced by its risk adjustment
 * (../risk.ts, TEI style). Cash flows: year 0 = −I; year y = benefits_y − platform cost_y.
 * Sources for every default are in content/benchmarks/attrition.yaml. Evidence on remote-agent
 * productivity conflicts (Bloom et al. 2015: +13%; Emanuel & Harrington 2023: −4% to −12%), so
 * the default is 0 and the range shows both.
 */
import { validateValues } from '../fields';
import { grown, rampShare } from '../time-shape';
import { ATTRITION_FIELDS } from './attrition-fields';
import { RoiInputError, summarise, type CashflowSummary } from './summary';

export interface AttritionInputs {
  agents: number;
  adoptionShare: number;
  currentAttritionRate: number;
  virtualAttritionRate: number;
  replacementCost: number;
  annualAgentCost: number;
  productivityGain: number;
  seatCostPerYear: number;
  seatsReleasedShare: number;
  platformCostPerAgentMonth: number;
  implementationCost: number;
  rampMonths: number;
  horizonYears: number;
  discountRate: number;
  /** Yearly benefit growth and platform cost escalation from year 1 (fractions). */
  benefitGrowth: number;
  costEscalation: number;
  /** Risk adjustments (0–1) of the three benefit lines. */
  riskAttritionSavings: number;
  riskProductivityValue: number;
  riskFacilitySavings: number;
}

export { ATTRITION_BENEFIT_LINES, ATTRITION_FIELDS } from './attrition-fields';

export interface AttritionYear {
  year: number;
  attritionSavings: number;
  productivityValue: number;
  facilitySavings: number;
  platformCost: number;
  implementationCost: number;
}

export interface AttritionResult extends CashflowSummary {
  years: AttritionYear[];
  /** Agents who leave and must be replaced each year, before and after the change. */
  agentsReplacedBefore: number;
  agentsReplacedAfter: number;
  virtualAgents: number;
  /** Year 1 share of full-run benefits, (12 − R/2)/12. */
  firstYearFactor: number;
}

/** Yearly benefits and costs; no validation (the Monte Carlo loop calls this directly). */
export function attritionYears(x: AttritionInputs): AttritionYear[] {
  const moved = x.agents * x.adoptionShare;
  const full = {
    attritionSavings:
      moved *
      (x.currentAttritionRate - x.virtualAttritionRate) *
      x.replacementCost *
      (1 - (x.riskAttritionSavings ?? 0)),
    productivityValue:
      moved * x.productivityGain * x.annualAgentCost * (1 - (x.riskProductivityValue ?? 0)),
    facilitySavings:
      moved * x.seatsReleasedShare * x.seatCostPerYear * (1 - (x.riskFacilitySavings ?? 0)),
  };
  const platformCost = moved * x.platformCostPerAgentMonth * 12;
  const years: AttritionYear[] = [
    {
      year: 0,
      attritionSavings: 0,
      productivityValue: 0,
      facilitySavings: 0,
      platformCost: 0,
      implementationCost: x.implementationCost,
    },
  ];
  for (let y = 1; y <= x.horizonYears; y++) {
    const ramp = rampShare(y, x.rampMonths);
    const factor = ramp * grown(x.benefitGrowth ?? 0, y);
    years.push({
      year: y,
      attritionSavings: full.attritionSavings * factor,
      productivityValue: full.productivityValue * factor,
      facilitySavings: full.facilitySavings * factor,
      platformCost: platformCost * ramp * grown(x.costEscalation ?? 0, y),
      implementationCost: 0,
    });
  }
  return years;
}

function benefitsOf(year: AttritionYear): number {
  return year.attritionSavings + year.productivityValue + year.facilitySavings;
}

/** Cash flows only, for simulation loops. */
export function attritionCashflows(x: AttritionInputs): number[] {
  return attritionYears(x).map((y) => benefitsOf(y) - y.platformCost - y.implementationCost);
}

/** Validates the inputs (RoiInputError names each bad field) and computes the business case. */
export function computeAttrition(inputs: AttritionInputs): AttritionResult {
  const issues = validateValues(ATTRITION_FIELDS, inputs as unknown as Record<string, unknown>);
  if (issues.length) throw new RoiInputError(issues);
  const years = attritionYears(inputs);
  const costs = years.map((y) => y.platformCost + y.implementationCost);
  const unadjusted = attritionYears({
    ...inputs,
    riskAttritionSavings: 0,
    riskProductivityValue: 0,
    riskFacilitySavings: 0,
  });
  const summary = summarise(
    years.map(benefitsOf),
    costs,
    inputs.discountRate,
    unadjusted.map(benefitsOf),
  );
  const moved = inputs.agents * inputs.adoptionShare;
  return {
    ...summary,
    years,
    agentsReplacedBefore: inputs.agents * inputs.currentAttritionRate,
    agentsReplacedAfter:
      (inputs.agents - moved) * inputs.currentAttritionRate + moved * inputs.virtualAttritionRate,
    virtualAgents: moved,
    firstYearFactor: rampShare(1, inputs.rampMonths),
  };
}
