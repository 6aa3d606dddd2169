import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoiModelId } from '../../lib/catalog';
import {
  DEFAULT_TRIALS,
  distributionsFor,
  type MonteCarloSummary,
} from '../../lib/roi/analysis/monte-carlo';
import { HEADLINE_SEED, tellStory, type Story } from '../../lib/roi/analysis/story';
import type { InputValues } from '../../lib/roi/fields';
import { getModel, type ModelContext } from '../../lib/roi/models';

export type HeadlineSimulation =
  | { state: 'waiting' }
  | { state: 'done'; summary: MonteCarloSummary; story: Story; isStale: boolean };

/**
 * The simulation told beside the headline: DEFAULT_TRIALS trials at HEADLINE_SEED in a Web
 * Worker, started once the inputs have settled for 400 ms, so typing stays within the 1 ms
 * recompute budget. While a new run is on its way the last one is shown, marked stale.
 */
export function useHeadlineSimulation(
  model: RoiModelId,
  values: InputValues | null,
  headlineNpv: number | null,
  ctx: ModelContext,
  ranges: Record<string, { low: number; high: number } | undefined>,
  held: readonly string[],
): HeadlineSimulation {
  const [last, setLast] = useState<{ summary: MonteCarloSummary; story: Story; key: string }>();
  const key = useMemo(() => JSON.stringify([values, held]), [values, held]);
  const worker = useRef<Worker | null>(null);

  useEffect(() => {
    if (!values || headlineNpv === null || typeof Worker === 'undefined') return;
    const m = getModel(model);
    const distributions = distributionsFor(m, values, ctx, ranges, { held });
    const timer = setTimeout(() => {
      worker.current?.terminate();
      const w = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current = w;
      w.onmessage = (event: MessageEvent) => {
        const message = event.data as { type: string; summary?: MonteCarloSummary };
        if (message.type !== 'done' || !message.summary || worker.current !== w) return;
        const story = tellStory(m, values, ctx, distributions, headlineNpv, message.summary);
        setLast({ summary: message.summary, story, key });
        w.terminate();
        worker.current = null;
      };
      w.postMessage({
        model,
        values,
        markets: ctx.markets,
        distributions,
        trials: DEFAULT_TRIALS,
        seed: HEADLINE_SEED,
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [model, values, headlineNpv, ctx, ranges, held, key]);

  useEffect(() => () => worker.current?.terminate(), []);

  if (!last) return { state: 'waiting' };
  return { state: 'done', summary: last.summary, story: last.story, isStale: last.key !== key };
}
