/**
 * How a business case unfolds over its years, shared by the models: a benefit ramp (adoption
 * rising in a straight line over R months), benefit growth and cost escalation per year. Year 1
 * is the base year of both rates; year y is scaled by (1 + rate)^(y − 1).
 */
import type { NumberField } from './fields';

/**
 * The share of a full year's benefit earned in plan year `year` (1-based) when adoption rises
 * linearly from 0 to 100% over `rampMonths`: the average of min(1, t/R) over the year's months.
 * For R ≤ 12, year 1 earns (12 − R/2)/12 and later years all of it. R = 0 is full from day one.
 */
export function rampShare(year: number, rampMonths: number): number {
  const start = 12 * (year - 1);
  const end = 12 * year;
  const r = rampMonths;
  if (r <= start) return 1;
  if (r >= end) return (start + end) / (2 * r);
  // Part of the year on the ramp, the rest at full adoption.
  return ((r * r - start * start) / (2 * r) + (end - r)) / 12;
}

/** (1 + rate)^(year − 1): year 1 unchanged, each later year grown or escalated once more. */
export function grown(rate: number, year: number): number {
  return (1 + rate) ** (year - 1);
}

/** Growth and escalation rates are capped here, so no series runs away over ten years. */
export const RATE_LIMIT = 0.5;

/** The benefit-growth and cost-escalation inputs of a model. */
export function growthFields(group: string): NumberField[] {
  return [
    {
      kind: 'number',
      key: 'benefitGrowth',
      label: 'Benefit growth per year',
      unit: 'percent',
      group,
      min: -RATE_LIMIT,
      max: RATE_LIMIT,
      hint: 'Each year after the first, benefits change by this much (negative for decay).',
    },
    {
      kind: 'number',
      key: 'costEscalation',
      label: 'Cost escalation per year',
      unit: 'percent',
      group,
      min: -RATE_LIMIT,
      max: RATE_LIMIT,
      hint: 'Each year after the first, running costs rise by this much (price uplifts, wages).',
    },
  ];
}
