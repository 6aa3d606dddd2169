import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoiModelId } from '../../lib/catalog';
import {
  DEFAULT_TRIALS,
  distributionsFor,
  type MonteCarloSummary,
} from '../../lib/roi/analysis/monte-carlo';
import { newSeed } from '../../lib/roi/analysis/random';
import { numberFields, type Field, type InputValues } from '../../lib/roi/fields';
import { formatNumberFor } from '../../lib/roi/format';
import { getModel, type ModelContext } from '../../lib/roi/models';
import { MonteCarloResult } from './MonteCarloResult';

interface Props {
  model: RoiModelId;
  /** The calculator's fields (for the units in the table of ranges). */
  fields: readonly Field[];
  values: InputValues | null;
  ctx: ModelContext;
  ranges: Record<string, { low: number; high: number } | undefined>;
  /** Inputs held at their values: the disputed ones, unless the person opted in. */
  held?: readonly string[];
  isHydrated: boolean;
}

type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string }
  | { state: 'done'; summary: MonteCarloSummary; key: string; ms: number };

const TRIAL_CHOICES = [10_000, 50_000, 200_000];

/**
 * Monte Carlo simulation in a Web Worker: uncertain inputs drawn from triangular
 * distributions, a seed to repeat a run exactly, a progress bar and a cancel button.
 */
export function MonteCarloPanel({ model, fields, values, ctx, ranges, held, isHydrated }: Props) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [seedText, setSeedText] = useState('1');
  const [trials, setTrials] = useState(DEFAULT_TRIALS);
  const worker = useRef<Worker | null>(null);
  const seed = Number(seedText);
  const isSeedValid = /^\d{1,10}$/.test(seedText) && seed <= 4_294_967_295;
  // Rendered again on every keystroke and every progress message: derive only when inputs change.
  const key = useMemo(() => JSON.stringify(values), [values]);
  const distributions = useMemo(
    () => (values ? distributionsFor(getModel(model), values, ctx, ranges, { held }) : []),
    [model, values, ctx, ranges, held],
  );
  const fieldUnits = useMemo(
    () => new Map(numberFields(fields).map((f) => [f.key, f.unit])),
    [fields],
  );

  useEffect(() => () => worker.current?.terminate(), []);

  function start() {
    if (!values || !isSeedValid) return;
    worker.current?.terminate();
    const w = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const started = performance.now();
    setRun({ state: 'running', done: 0, total: trials });
    w.onmessage = (event: MessageEvent) => {
      // A message already on its way when the run was cancelled or replaced is ignored.
      if (worker.current !== w) return;
      const message = event.data as
        | { type: 'progress'; done: number; total: number }
        | { type: 'done'; summary: MonteCarloSummary };
      if (message.type === 'progress')
        setRun({ state: 'running', done: message.done, total: message.total });
      else {
        setRun({ state: 'done', summary: message.summary, key, ms: performance.now() - started });
        w.terminate();
        worker.current = null;
      }
    };
    w.onerror = () => {
      setRun({ state: 'failed', message: 'The simulation stopped with an error. Try again.' });
      w.terminate();
      worker.current = null;
    };
    w.postMessage({ model, values, markets: ctx.markets, distributions, trials, seed });
  }

  function cancel() {
    if (worker.current) {
      worker.current.onmessage = null;
      worker.current.terminate();
    }
    worker.current = null;
    setRun({ state: 'cancelled' });
  }

  const isRunning = run.state === 'running';
  return (
    <section className="card mc" aria-labelledby="mc-title">
      <h2 id="mc-title">Monte Carlo simulation</h2>
      <p>
        Runs the model many times with the uncertain inputs drawn from triangular distributions
        (low, your value, high) and shows how NPV spreads. The same seed repeats a run exactly.
      </p>
      <noscript>
        <p className="alert info">The simulation runs in your browser and needs JavaScript.</p>
      </noscript>
      <div className="cluster mc-controls">
        <div className="field inline">
          <label htmlFor="mc-trials">Trials</label>
          <select
            id="mc-trials"
            value={trials}
            onChange={(e) => setTrials(Number(e.currentTarget.value))}
            disabled={isRunning}
          >
            {TRIAL_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="mc-seed">Seed</label>
          <input
            id="mc-seed"
            type="text"
            inputMode="numeric"
            value={seedText}
            size={12}
            aria-invalid={isSeedValid ? undefined : true}
            aria-describedby={isSeedValid ? undefined : 'mc-seed-error'}
            onChange={(e) => setSeedText(e.currentTarget.value.trim())}
            disabled={isRunning}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => setSeedText(String(newSeed()))}
            disabled={isRunning || !isHydrated}
          >
            New seed
          </button>
        </div>
        {isRunning ? (
          <button type="button" className="button danger" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={start}
            disabled={!isHydrated || !values || !isSeedValid}
          >
            Run simulation
          </button>
        )}
      </div>
      {!isSeedValid && (
        <p className="field-error" id="mc-seed-error">
          The seed must be a whole number from 0 to 4,294,967,295.
        </p>
      )}
      {!values && <p className="muted">Fix the highlighted inputs to run the simulation.</p>}
      <div aria-live="polite">
        {run.state === 'running' && (
          <div className="mc-progress">
            <label htmlFor="mc-progress">
              Simulating: {run.done.toLocaleString('en-US')} of {run.total.toLocaleString('en-US')}{' '}
              trials
            </label>
            <progress id="mc-progress" max={run.total} value={run.done} />
          </div>
        )}
        {run.state === 'cancelled' && (
          <p className="alert info">Simulation cancelled. Nothing was kept.</p>
        )}
        {run.state === 'failed' && <p className="alert error">{run.message}</p>}
      </div>
      {run.state === 'done' && (
        <MonteCarloResult summary={run.summary} isStale={run.key !== key} ms={run.ms} />
      )}
      <details className="mc-inputs">
        <summary>Which inputs vary ({distributions.length})</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Inputs that vary">
          <table>
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col" className="num">
                  Low
                </th>
                <th scope="col" className="num">
                  Most likely
                </th>
                <th scope="col" className="num">
                  High
                </th>
              </tr>
            </thead>
            <tbody>
              {distributions.map((d) => {
                const unit = fieldUnits.get(d.key) ?? 'count';
                return (
                  <tr key={d.key}>
                    <th scope="row">{d.label}</th>
                    <td className="num">{formatNumberFor(unit, d.low)}</td>
                    <td className="num">{formatNumberFor(unit, d.mode)}</td>
                    <td className="num">{formatNumberFor(unit, d.high)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          Ranges come from the evidence where it gives one, else ±20% of your value. Other inputs
          stay fixed
          {held && held.length > 0
            ? `, as do inputs whose evidence is disputed (${held.length}) unless you choose to simulate them under the results`
            : ''}
          .
        </p>
      </details>
    </section>
  );
}
