import { discountedPaybackPeriod, irr, npv, paybackPeriod } from '../finance';

/** What every model reports about its yearly cash flows (index 0 = year 0). */
export interface CashflowSummary {
  /** Benefits per year, positive; benefits[0] is 0 in every model here. */
  benefits: number[];
  /** Costs per year, positive amounts; costs[0] holds the one-time costs. */
  costs: number[];
  /** benefits − costs per year. */
  cashflows: number[];
  npv: number;
  irr: number | null;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  /** (PV(benefits) − PV(costs)) / PV(costs); null when PV(costs) is 0. */
  roi: number | null;
  pvBenefits: number;
  pvCosts: number;
  discountRate: number;
  /**
   * The same figures before risk adjustment (benefits counted in full), when the model
   * risk-adjusts its benefits; the figures above are then the risk-adjusted ones.
   */
  unadjusted?: UnadjustedFigures;
}

export interface UnadjustedFigures {
  npv: number;
  irr: number | null;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  roi: number | null;
  pvBenefits: number;
}

/**
 * Turns yearly benefits and costs into the figures every model reports. ROI is
 * (PV(benefits) − PV(costs)) / PV(costs) at the model's discount rate, with one-time costs
 * at year 0, as the issue states; the same discounting as NPV (numpy-financial convention).
 */
export function summarise(
  benefits: number[],
  costs: number[],
  discountRate: number,
  unadjustedBenefits?: number[],
): CashflowSummary {
  const cashflows = benefits.map((b, i) => b - (costs[i] ?? 0));
  const pvBenefits = npv(discountRate, benefits);
  const pvCosts = npv(discountRate, costs);
  const unadjusted = unadjustedBenefits && summarise(unadjustedBenefits, costs, discountRate);
  return {
    ...(unadjusted && {
      unadjusted: {
        npv: unadjusted.npv,
        irr: unadjusted.irr,
        paybackYears: unadjusted.paybackYears,
        discountedPaybackYears: unadjusted.discountedPaybackYears,
        roi: unadjusted.roi,
        pvBenefits: unadjusted.pvBenefits,
      },
    }),
    benefits,
    costs,
    cashflows,
    npv: npv(discountRate, cashflows),
    irr: irr(cashflows),
    paybackYears: paybackPeriod(cashflows),
    discountedPaybackYears: discountedPaybackPeriod(discountRate, cashflows),
    roi: pvCosts === 0 ? null : (pvBenefits - pvCosts) / pvCosts,
    pvBenefits,
    pvCosts,
    discountRate,
  };
}

/** Thrown by a model given values outside its ranges; `issues` name each field. */
export class RoiInputError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(issues.map((i) => i.message).join(' '));
    this.name = 'RoiInputError';
    this.issues = issues;
  }
}
