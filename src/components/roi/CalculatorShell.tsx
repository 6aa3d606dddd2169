import { useState, type ReactNode } from 'react';
import { csvFileName, scenarioCsv } from '../../lib/roi/csv';
import { describeStory } from '../../lib/roi/analysis/story';
import { formatMoney } from '../../lib/roi/format';
import { numberFields } from '../../lib/roi/fields';
import type { InputValues } from '../../lib/roi/fields';
import { getModel, type ModelContext, type ModelResult } from '../../lib/roi/models';
import { CashflowCharts } from './CashflowCharts';
import { InputForm } from './InputForm';
import { MonteCarloPanel } from './MonteCarloPanel';
import { BelievabilityNote } from './BelievabilityNote';
import { ResultSummary } from './ResultSummary';
import { SimulationSummary } from './SimulationSummary';
import { SavePanel } from './SavePanel';
import { TornadoPanel } from './TornadoPanel';
import type { CalculatorProps } from './types';
import { useCalculator } from './use-calculator';
import { useHydrated } from './use-hydrated';
import './calculator.css';

export interface ModelParts {
  /** Facts particular to the model, under the four headline figures. */
  highlights?: (result: ModelResult, values: InputValues) => ReactNode;
  /** Charts particular to the model, before the cash-flow charts. */
  charts?: (result: ModelResult, values: InputValues, ctx: ModelContext) => ReactNode;
  /** The formulas, stated. */
  formulas: ReactNode;
}

function downloadCsv(
  props: CalculatorProps,
  values: InputValues,
  result: ModelResult,
  fields: ReturnType<typeof useCalculator>['fields'],
) {
  const model = getModel(props.model);
  const csv = scenarioCsv({
    name: props.scenario?.name ?? `${model.title} (unsaved)`,
    modelTitle: model.title,
    modelVersion: model.version,
    currency: 'USD',
    exportedAt: new Date().toISOString(),
    fields,
    values,
    benchmarks: props.benchmarks,
    result,
  });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(props.scenario?.name ?? `${props.model}-scenario`);
  link.click();
  URL.revokeObjectURL(url);
}

function unitOf(fields: ReturnType<typeof useCalculator>['fields'], key: string) {
  return numberFields(fields).find((f) => f.key === key)?.unit ?? 'count';
}

/** The calculator every model shares: inputs, results, charts, analysis, save. */
export function CalculatorShell({ props, parts }: { props: CalculatorProps; parts: ModelParts }) {
  const calc = useCalculator(props);
  const isHydrated = useHydrated();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const result = calc.shownResult;
  const isStale = calc.result === null;
  const values = calc.values;

  return (
    <div className="roi-calculator">
      <div className="roi-inputs">
        {result && (
          <p className="roi-jump">
            <span>
              NPV{' '}
              <strong data-testid="npv-short">
                {formatMoney(result.npv, { compact: Math.abs(result.npv) >= 1e6 })}
              </strong>
            </span>
            <a href="#roi-results">See all results</a>
          </p>
        )}
        <InputForm
          fields={calc.fields}
          text={calc.text}
          issues={{ ...serverErrors, ...calc.issues }}
          benchmarks={props.benchmarks}
          onChange={(key, value) => {
            setServerErrors({});
            calc.setText(key, value);
          }}
          onReset={calc.reset}
          path={props.path}
          isHydrated={isHydrated}
        />
      </div>
      <div className="roi-results" id="roi-results" tabIndex={-1}>
        {result ? (
          <>
            <ResultSummary result={result} isStale={isStale} />
            {calc.believability && (
              <BelievabilityNote
                believability={calc.believability}
                onApply={isHydrated ? calc.applyChanges : undefined}
              />
            )}
            <SimulationSummary
              summary={calc.simulation.state === 'done' ? calc.simulation.summary : null}
              story={
                calc.simulation.state === 'done'
                  ? describeStory(calc.simulation.story, (key) => unitOf(calc.fields, key))
                  : null
              }
              disputed={calc.disputed}
              includeDisputed={calc.includeDisputed}
              onIncludeDisputed={isHydrated ? calc.setIncludeDisputed : undefined}
              isStale={isStale || (calc.simulation.state === 'done' && calc.simulation.isStale)}
            />
            {values && parts.highlights?.(result, values)}
            {values && parts.charts?.(result, values, calc.ctx)}
            <CashflowCharts result={result} />
            {calc.tornado && <TornadoPanel data={calc.tornado} />}
          </>
        ) : (
          <p className="alert error">Fix the highlighted inputs to see results.</p>
        )}
        <MonteCarloPanel
          model={props.model}
          fields={calc.fields}
          values={values}
          ctx={calc.ctx}
          ranges={calc.ranges}
          held={calc.held}
          isHydrated={isHydrated}
        />
        <details className="card formulas">
          <summary>How this is calculated</summary>
          {parts.formulas}
        </details>
        <SavePanel
          model={props.model}
          fields={calc.fields}
          text={calc.text}
          values={values}
          isSignedIn={props.isSignedIn}
          isHydrated={isHydrated}
          path={props.path}
          returnTo={calc.address}
          scenario={props.scenario}
          initialName={props.saveName}
          initialError={props.initialErrors?.name ?? props.initialErrors?.form}
          onFieldErrors={setServerErrors}
        />
        <p className="cluster">
          <button
            type="button"
            className="button secondary"
            disabled={!isHydrated || !values || !calc.result}
            onClick={() =>
              values && calc.result && downloadCsv(props, values, calc.result, calc.fields)
            }
          >
            Download CSV
          </button>
          <span className="muted small">Inputs with sources, yearly cash flows and outputs.</span>
        </p>
      </div>
    </div>
  );
}
