/**
 * Speed-to-lead: what answering leads faster is worth. Published response-time studies give
 * odds ratios at a few delays ("anchors"); between anchors ln(ratio) is interpolated linearly in
 * minutes, outside them the ratio is held at the nearest anchor (never extrapolated).
 *
 *   odds(t) = baseRate / (1 − baseRate) × ratio(t);  P(t) = odds / (1 + odds)
 *   wins per month = leads × P(t) × qualifyRate × winRate   (contact curve)
 *                  = leads × P(t) × winRate                 (qualify curves)
 *   yearly benefit = 12 × (wins(target) − wins(current)) × averageDealValue × grossMargin
 *                    × (1 − risk adjustment)      (../risk.ts, TEI style)
 *   yearly cost = 12 × monthlyCost; year 0 = −implementationCost
 *   year y: benefit × rampShare(y, R) × (1 + g)^(y−1), cost × (1 + e)^(y−1) (../time-shape.ts):
 *   adoption of the faster response ramps over R months; the subscription is paid from month one
 *
 * The ratio is applied to odds, not probability, so P stays below 100% (research note 3d in
 * the benchmark content).
 */
import { validateValues } from '../fields';
import { grown, rampShare } from '../time-shape';
import { SPEED_TO_LEAD_FIELDS } from './speed-to-lead-fields';
import { CURVES, type CurveId } from './speed-to-lead-curves';
import { RoiInputError, summarise, type CashflowSummary } from './summary';

export { CURVE_IDS, CURVES, type Curve, type CurveId } from './speed-to-lead-curves';

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
  /** Adoption ramp in months; yearly benefit growth and cost escalation (fractions). */
  rampMonths: number;
  benefitGrowth: number;
  costEscalation: number;
  /** Risk adjustment (0–1) of the benefit. */
  riskExtraWins: number;
}

export { SPEED_TO_LEAD_BENEFIT_LINES, SPEED_TO_LEAD_FIELDS } from './speed-to-lead-fields';

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
  const counted = 1 - (x.riskExtraWins ?? 0);
  return {
    benefit: 12 * extra * x.averageDealValue * x.grossMargin * counted,
    cost: 12 * x.monthlyCost,
  };
}

/** Year y's share of the full-run benefit: the adoption ramp, then growth. */
function benefitShare(x: SpeedToLeadInputs, year: number): number {
  return rampShare(year, x.rampMonths ?? 0) * grown(x.benefitGrowth ?? 0, year);
}

/** Cash flows only, for simulation loops (no validation). */
export function speedToLeadCashflows(x: SpeedToLeadInputs): number[] {
  const { benefit, cost } = yearlyFlows(x);
  const flows = [-x.implementationCost];
  for (let y = 1; y <= x.horizonYears; y++) {
    flows.push(benefit * benefitShare(x, y) - cost * grown(x.costEscalation ?? 0, y));
  }
  return flows;
}

/** Validates the inputs (RoiInputError names each bad field) and computes the business case. */
export function computeSpeedToLead(inputs: SpeedToLeadInputs): SpeedToLeadResult {
  const issues = validateValues(SPEED_TO_LEAD_FIELDS, inputs as unknown as Record<string, unknown>);
  if (issues.length) throw new RoiInputError(issues);
  const { benefit, cost } = yearlyFlows(inputs);
  const full = yearlyFlows({ ...inputs, riskExtraWins: 0 }).benefit;
  const benefits = [0];
  const unadjusted = [0];
  const costs = [inputs.implementationCost];
  for (let y = 1; y <= inputs.horizonYears; y++) {
    const share = benefitShare(inputs, y);
    benefits.push(benefit * share);
    unadjusted.push(full * share);
    costs.push(cost * grown(inputs.costEscalation ?? 0, y));
  }
  const current = winsPerMonth(inputs, inputs.currentResponseMinutes);
  const target = winsPerMonth(inputs, inputs.targetResponseMinutes);
  return {
    ...summarise(benefits, costs, inputs.discountRate, unadjusted),
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
