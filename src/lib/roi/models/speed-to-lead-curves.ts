/** Published response-time anchors for the speed-to-lead model. */
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
