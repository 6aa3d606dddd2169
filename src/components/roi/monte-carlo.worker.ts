/// <reference lib="webworker" />
/**
 * Runs a Monte Carlo simulation off the main thread, in chunks, posting progress after each.
 * Cancelling terminates the worker; the page starts a new one for the next run.
 */
import type { RoiModelId } from '../../lib/catalog';
import { createSimulation, type Distribution } from '../../lib/roi/analysis/monte-carlo';
import type { InputValues } from '../../lib/roi/fields';
import { getModel } from '../../lib/roi/models';
import type { MarketData } from '../../lib/roi/models/market-sizing';

export interface SimulationRequest {
  model: RoiModelId;
  values: InputValues;
  markets: MarketData[];
  distributions: Distribution[];
  trials: number;
  seed: number;
}

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const r = event.data;
  const simulation = createSimulation(
    getModel(r.model),
    r.values,
    { markets: r.markets },
    r.distributions,
    {
      trials: r.trials,
      seed: r.seed,
    },
  );
  const chunk = Math.max(1000, Math.ceil(simulation.trials / 40));
  while (simulation.completed() < simulation.trials) {
    simulation.run(chunk);
    self.postMessage({ type: 'progress', done: simulation.completed(), total: simulation.trials });
  }
  self.postMessage({ type: 'done', summary: simulation.summary() });
};
