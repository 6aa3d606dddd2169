import type {
  BenchmarkDefault,
  MarketContent,
  MarketHeadline,
} from '../../lib/content/roi-schemas';
import { describeBreakEven } from '../../lib/roi/analysis/break-even';
import {
  DEFAULT_TRIALS,
  disputedInputs,
  distributionsFor,
  runMonteCarlo,
} from '../../lib/roi/analysis/monte-carlo';
import { describeStory, HEADLINE_SEED, tellStory } from '../../lib/roi/analysis/story';
import { checkBelievability } from '../../lib/roi/analysis/believability';
import { BREAK_EVEN_ROWS, tornado, type Tornado } from '../../lib/roi/analysis/sensitivity';
import { displayValue, numberFields, type Field, type InputValues } from '../../lib/roi/fields';
import { BENEFIT_LINES, getModel, type ModelResult } from '../../lib/roi/models';
import { AttritionHighlights, attritionFormulas } from './AttritionParts';
import { CashflowCharts, CashflowTable } from './CashflowCharts';
import { MarketSizingCharts, marketSizingFormulas } from './MarketSizingParts';
import { EstimatesTable, HeadlinePanel } from './MarketSizingSources';
import { BelievabilityNote } from './BelievabilityNote';
import { ResultSummary } from './ResultSummary';
import { SimulationSummary, type SimulationSummaryProps } from './SimulationSummary';
import { Citation, SourceBadge, worstStatus } from './SourceNote';
import { SpeedToLeadCharts, SpeedToLeadHighlights, speedToLeadFormulas } from './SpeedToLeadParts';
import './calculator.css';

export interface ScenarioReportProps {
  fields: readonly Field[];
  values: InputValues;
  result: ModelResult;
  benchmarks: Record<string, BenchmarkDefault>;
  markets: readonly MarketContent[];
  headline?: MarketHeadline | undefined;
}

/** The first source, and how many more with the least trustworthy status among them. */
function SourcesCell({ sources }: { sources: BenchmarkDefault['sources'] }) {
  const first = sources[0]!;
  const worst = worstStatus(sources);
  return (
    <>
      <Citation source={first} />
      {sources.length > 1 && (
        <span className="muted">
          {' '}
          and {sources.length - 1} more{worst !== first.status && <> </>}
          {worst !== first.status && <SourceBadge status={worst} />}
        </span>
      )}
    </>
  );
}

/** The same simulation the calculator tells beside its headline (same trials, same seed). */
function simulationOf(
  fields: readonly Field[],
  result: ModelResult,
  values: InputValues,
  benchmarks: Record<string, BenchmarkDefault>,
  markets: readonly MarketContent[],
): SimulationSummaryProps {
  const model = getModel(result.model);
  const ctx = { markets };
  const ranges = Object.fromEntries(Object.entries(benchmarks).map(([k, b]) => [k, b.range]));
  const held = disputedInputs(benchmarks);
  const distributions = distributionsFor(model, values, ctx, ranges, { held });
  const summary = runMonteCarlo(model, values, ctx, distributions, {
    trials: DEFAULT_TRIALS,
    seed: HEADLINE_SEED,
  });
  const units = new Map(numberFields(fields).map((f) => [f.key, f.unit]));
  const story = tellStory(model, values, ctx, distributions, result.npv, summary);
  return {
    summary,
    story: describeStory(story, (key) => units.get(key) ?? 'count'),
    disputed: held.map((key) => ({ key, label: fields.find((f) => f.key === key)?.label ?? key })),
    includeDisputed: false,
  };
}

/** Break-even text per input key, for the inputs the tornado ranks highest. */
function breakEvenCells(rows: Tornado['rows']): Map<string, string> {
  return new Map(
    rows.flatMap((r) => (r.breakEven ? [[r.key, describeBreakEven(r.breakEven, r, r).cell]] : [])),
  );
}

/**
 * A saved scenario as a report: results, the model's own figures and charts, the cash flows,
 * and every input with its source. Rendered on the server (no JavaScript) for the scenario
 * page, the read-only shared page and print.
 */
export default function ScenarioReport({
  fields,
  values,
  result,
  benchmarks,
  markets,
  headline,
}: ScenarioReportProps) {
  const formulas =
    result.model === 'attrition'
      ? attritionFormulas
      : result.model === 'speed-to-lead'
        ? speedToLeadFormulas
        : marketSizingFormulas;
  const model = getModel(result.model);
  const ranges = Object.fromEntries(Object.entries(benchmarks).map(([k, b]) => [k, b.range]));
  const sensitivity = tornado(model, values, { markets }, ranges);
  const breakEvens = breakEvenCells(sensitivity.rows);
  const believability = checkBelievability(
    model,
    values,
    { markets },
    result,
    sensitivity,
    ranges,
    BENEFIT_LINES[result.model],
  );
  const simulation = simulationOf(fields, result, values, benchmarks, markets);
  return (
    <div className="report stack">
      <ResultSummary result={result} />
      <BelievabilityNote believability={believability} />
      <SimulationSummary {...simulation} />
      {result.model === 'attrition' && <AttritionHighlights result={result} />}
      {result.model === 'speed-to-lead' && (
        <>
          <SpeedToLeadHighlights result={result} values={values} />
          <SpeedToLeadCharts values={values} />
        </>
      )}
      {result.model === 'market-sizing' && <MarketSizingCharts result={result} values={values} />}
      <CashflowCharts result={result} isSideBySide />
      <CashflowTable result={result} />
      <section aria-labelledby="inputs-title" className="report-inputs">
        <h2 id="inputs-title">Inputs and sources</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Inputs and sources">
          <table>
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Default
                </th>
                <th scope="col">Source of the default</th>
                <th scope="col">Break-even (NPV = 0)</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const b = benchmarks[f.key];
                const value = values[f.key];
                const isChanged = b !== undefined && value !== b.value;
                return (
                  <tr key={f.key}>
                    <th scope="row">{f.label}</th>
                    <td className="num">
                      {value === undefined ? (
                        '—'
                      ) : isChanged ? (
                        <mark className="changed">{displayValue(f, value)}</mark>
                      ) : (
                        displayValue(f, value)
                      )}
                    </td>
                    <td className="num">{b ? displayValue(f, b.value) : '—'}</td>
                    <td className="small">
                      {b?.sources[0] ? <SourcesCell sources={b.sources} /> : '—'}
                    </td>
                    <td className="small">{breakEvens.get(f.key) ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          Highlighted values differ from the sourced default. Break-even is the value of one input
          at which NPV is zero with the others as shown, for the {BREAK_EVEN_ROWS} inputs that move
          NPV most in the sensitivity analysis.
        </p>
      </section>
      {result.model === 'market-sizing' && (
        <>
          {headline && <HeadlinePanel markets={markets} headline={headline} values={values} />}
          <EstimatesTable markets={markets} values={values} />
        </>
      )}
      <section className="card formulas-static print-compact" aria-labelledby="formulas-title">
        <h2 id="formulas-title">How this is calculated</h2>
        {formulas}
      </section>
    </div>
  );
}
