/**
 * One story: the headline NPV and the simulation told together. The headline is the NPV at the
 * inputs' values (each the mode of its triangular distribution); the simulation's median moves
 * away from it when ranges are lopsided, because a triangular(low, mode, high) has its mean at
 * (low + mode + high)/3, on the long side of the mode. When median and headline differ by more
 * than GAP_THRESHOLD, the inputs whose lopsided ranges push NPV that way are named: for each
 * simulated input, the NPV with that input at its distribution's mean minus the headline, the
 * others held (one at a time, like the tornado).
 */
import type { InputValues, Unit } from '../fields';
import { formatMoney, formatNumberFor, formatPercent } from '../format';
import { modelNpv, type ModelContext, type RoiModel } from '../models';
import type { Distribution, MonteCarloSummary } from './monte-carlo';

/** The seed of the simulation told beside the headline: the same inputs show the same spread. */
export const HEADLINE_SEED = 1;

/** Median and headline further apart than this (relative to the headline) need explaining. */
export const GAP_THRESHOLD = 0.25;

export interface SkewCause {
  key: string;
  label: string;
  low: number;
  mode: number;
  high: number;
  /** (low + mode + high)/3, the triangular distribution's mean. */
  mean: number;
  /** NPV with this input at its mean, the others at their values, minus the headline NPV. */
  shift: number;
}

export interface Story {
  headline: number;
  p50: number;
  /** p50 − headline, and relative to |headline| (null when the headline is zero). */
  gap: number;
  relative: number | null;
  isLarge: boolean;
  /** Inputs pushing NPV the way of the gap, largest first (at most three). */
  causes: SkewCause[];
}

/** How the simulation's median relates to the headline, and why when they differ a lot. */
export function tellStory(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  distributions: readonly Distribution[],
  headline: number,
  summary: Pick<MonteCarloSummary, 'p50'>,
): Story {
  const gap = summary.p50 - headline;
  const relative = headline === 0 ? null : gap / Math.abs(headline);
  const isLarge = relative === null ? gap !== 0 : Math.abs(relative) > GAP_THRESHOLD;
  if (!isLarge) return { headline, p50: summary.p50, gap, relative, isLarge, causes: [] };
  const causes = distributions
    .map((d) => {
      const mean = (d.low + d.mode + d.high) / 3;
      const shift = modelNpv(model, { ...values, [d.key]: mean }, ctx) - headline;
      return { key: d.key, label: d.label, low: d.low, mode: d.mode, high: d.high, mean, shift };
    })
    .filter(
      (c) => Math.sign(c.shift) === Math.sign(gap) && Math.abs(c.shift) >= 0.1 * Math.abs(gap),
    )
    .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift))
    .slice(0, 3);
  return { headline, p50: summary.p50, gap, relative, isLarge, causes };
}

/**
 * The story in words, or null when median and headline agree within GAP_THRESHOLD.
 * `unitOf` gives each input's unit, so its range reads as people typed it.
 */
export function describeStory(story: Story, unitOf: (key: string) => Unit): string | null {
  if (!story.isLarge) return null;
  const direction = story.gap > 0 ? 'above' : 'below';
  const size = story.relative === null ? '' : ` ${formatPercent(Math.abs(story.relative), 0)}`;
  const opening = `The simulation's median NPV, ${formatMoney(story.p50)}, is${size} ${direction} the headline ${formatMoney(story.headline)}.`;
  if (story.causes.length === 0) {
    return `${opening} No single input explains it: the spread comes from several ranges acting together.`;
  }
  const parts = story.causes.map((c) => {
    const show = (x: number) => formatNumberFor(unitOf(c.key), x);
    const side = c.mean > c.mode ? 'up' : 'down';
    return `${c.label} runs from ${show(c.low)} to ${show(c.high)} around ${show(c.mode)}, so its draws lean ${side} (mean ${show(c.mean)}; alone that moves NPV by ${formatMoney(c.shift)})`;
  });
  return `${opening} Lopsided ranges cause it: ${parts.join('; ')}. The headline uses your values; the median is what the ranges make typical.`;
}
