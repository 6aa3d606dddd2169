/**
 * Monte Carlo simulation of NPV. Uncertain inputs are drawn from triangular(low, mode, high)
 * distributions (low/high from the benchmark range, else ±20%; mode = the input's value), the
 * others stay at their values. An input whose evidence is disputed (see disputedInputs) is held
 * at its value unless the person opts in: its benchmark note says to count the disputed effect
 * as its default, so drawing it from the disputed range would contradict the headline. A seeded generator makes a run reproducible: same inputs, same
 * seed, same result, however the run is split into chunks.
 */
import { numberFields, type InputValues } from '../fields';
import { npv } from '../finance';
import type { ModelContext, RoiModel } from '../models';
import { createRandom, triangular } from './random';
import { testRange, type Range } from './ranges';

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 200_000;

export interface Distribution {
  key: string;
  label: string;
  low: number;
  mode: number;
  high: number;
}

/** Inputs whose defaults rest on disputed evidence: simulated only when the person opts in. */
export function disputedInputs(
  benchmarks: Readonly<Record<string, { sources: readonly { status: string }[] }>>,
): string[] {
  return Object.entries(benchmarks)
    .filter(([, b]) => b.sources.some((s) => s.status === 'disputed'))
    .map(([key]) => key);
}

/**
 * The distributions of a model's uncertain inputs at these values; inputs in `held` (the
 * disputed ones, unless the person opted in) stay at their values.
 */
export function distributionsFor(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  ranges: Record<string, Range | undefined>,
  options: { held?: readonly string[] } = {},
): Distribution[] {
  const out: Distribution[] = [];
  const held = new Set(options.held ?? []);
  for (const field of numberFields(model.fields(ctx))) {
    const mode = values[field.key];
    if (!field.uncertain || typeof mode !== 'number' || held.has(field.key)) continue;
    const { low, high } = testRange(field, mode, ranges[field.key]);
    // A value typed outside the evidence widens the range rather than being ignored.
    out.push({
      key: field.key,
      label: field.label,
      low: Math.min(low, mode),
      mode,
      high: Math.max(high, mode),
    });
  }
  return out;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface MonteCarloSummary {
  trials: number;
  seed: number;
  mean: number;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of trials with NPV above zero. */
  probabilityPositive: number;
  histogram: HistogramBin[];
}

/** Quantile by linear interpolation between order statistics (numpy's default, Excel PERCENTILE.INC). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/** Summary statistics and an equal-width histogram of simulated NPVs. */
export function summariseSamples(
  samples: Float64Array,
  seed: number,
  bins = 30,
): MonteCarloSummary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  let sum = 0;
  let positive = 0;
  for (const v of sorted) {
    sum += v;
    if (v > 0) positive++;
  }
  const count = max > min ? bins : 1;
  const width = max > min ? (max - min) / count : 0;
  const histogram: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    x0: min + i * width,
    x1: i === count - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) {
    const i = width > 0 ? Math.min(count - 1, Math.floor((v - min) / width)) : 0;
    histogram[i]!.count++;
  }
  return {
    trials: n,
    seed,
    mean: n ? sum / n : 0,
    min,
    max,
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    probabilityPositive: n ? positive / n : 0,
    histogram,
  };
}

export interface Simulation {
  readonly trials: number;
  /** Trials run so far. */
  completed(): number;
  /** Runs up to `count` more trials; returns how many ran. */
  run(count: number): number;
  summary(): MonteCarloSummary;
}

/** A simulation that can run in chunks (a Web Worker reports progress between them). */
export function createSimulation(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  distributions: readonly Distribution[],
  options: { trials: number; seed: number },
): Simulation {
  const trials = Math.max(1, Math.min(MAX_TRIALS, Math.floor(options.trials)));
  const random = createRandom(options.seed);
  const samples = new Float64Array(trials);
  const discountKey = 'discountRate';
  const cashflows =
    model.prepareSimulation?.(values, ctx) ?? ((v: InputValues) => model.cashflows(v, ctx));
  let done = 0;
  return {
    trials,
    completed: () => done,
    run(count) {
      const start = done;
      const end = Math.min(trials, done + count);
      const draw: InputValues = { ...values };
      for (; done < end; done++) {
        for (const d of distributions) draw[d.key] = triangular(random(), d.low, d.mode, d.high);
        samples[done] = npv(Number(draw[discountKey] ?? 0), cashflows(draw));
      }
      return done - start;
    },
    summary: () => summariseSamples(samples.subarray(0, done), options.seed),
  };
}

/** Runs a whole simulation at once (the server, tests and the bench). */
export function runMonteCarlo(
  model: RoiModel,
  values: InputValues,
  ctx: ModelContext,
  distributions: readonly Distribution[],
  options: { trials: number; seed: number },
): MonteCarloSummary {
  const simulation = createSimulation(model, values, ctx, distributions, options);
  simulation.run(simulation.trials);
  return simulation.summary();
}
