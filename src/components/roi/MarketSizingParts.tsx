import { ChartFrame } from '../charts/ChartFrame';
import { DataTable } from '../charts/DataTable';
import { LineChart } from '../charts/LineChart';
import type { MarketContent, MarketHeadline } from '../../lib/content/roi-schemas';
import type { InputValues } from '../../lib/roi/fields';
import { formatMoney, formatPercent } from '../../lib/roi/format';
import type { ModelResult } from '../../lib/roi/models';
import { composeHeadline, compareWithHeadline } from '../../lib/roi/models/headline';
import {
  extrapolatedYears,
  projectEstimate,
  estimateGrowth,
} from '../../lib/roi/models/market-sizing';
import { SCENARIO_LABELS, toMarketSizingInputs } from '../../lib/roi/models/market-sizing-fields';
import { Citation } from './SourceNote';

type Sizing = Extract<ModelResult, { model: 'market-sizing' }>;
const big = (v: number) => formatMoney(v, { compact: true });

export function MarketSizingCharts({
  result,
  values,
}: {
  result: ModelResult;
  values: InputValues;
}) {
  if (result.model !== 'market-sizing') return null;
  const r: Sizing = result;
  const scenario = String(values.scenario) as keyof typeof SCENARIO_LABELS;
  const years = r.years.map((y) => y.year);
  return (
    <>
      <ChartFrame
        title="Addressable and serviceable market by year"
        description={`TAM is the sum of the markets: lowest, median and highest estimate each year. SAM is the ${scenario} TAM times each market's serviceable share. In ${years[years.length - 1]}: TAM ${big(r.years[r.years.length - 1]!.tam[scenario])}, SAM ${big(r.years[r.years.length - 1]!.sam)}.`}
        legend={[
          { label: 'TAM, conservative', color: '#5b6472', dashed: true },
          { label: 'TAM, base', color: '#3b2db5' },
          { label: 'TAM, aggressive', color: '#8a5300', dashed: true },
          { label: 'SAM', color: '#0d7a6f' },
        ]}
        table={{
          columns: ['Year', 'TAM conservative', 'TAM base', 'TAM aggressive', 'SAM', 'SOM'],
          rows: r.years.map((y) => [
            y.year,
            big(y.tam.conservative),
            big(y.tam.base),
            big(y.tam.aggressive),
            big(y.sam),
            big(y.som),
          ]),
        }}
      >
        <LineChart
          series={[
            {
              id: 'tam-c',
              label: 'TAM conservative',
              points: r.years.map((y) => ({ x: y.year, y: y.tam.conservative })),
              color: '#5b6472',
              dashed: true,
            },
            {
              id: 'tam-b',
              label: 'TAM base',
              points: r.years.map((y) => ({ x: y.year, y: y.tam.base })),
              color: '#3b2db5',
            },
            {
              id: 'tam-a',
              label: 'TAM aggressive',
              points: r.years.map((y) => ({ x: y.year, y: y.tam.aggressive })),
              color: '#8a5300',
              dashed: true,
            },
            {
              id: 'sam',
              label: 'SAM',
              points: r.years.map((y) => ({ x: y.year, y: y.sam })),
              color: '#0d7a6f',
              hasDots: true,
            },
          ]}
          formatX={String}
          formatY={big}
          xTicks={years}
        />
      </ChartFrame>
      <ChartFrame
        title="Obtainable market (SOM) by year"
        description={`SOM is SAM times each market's obtainable share, scaled by adoption, which rises in a straight line to 100% in year ${values.adoptionRampYears}.`}
        legend={[{ label: 'SOM', color: '#b3261e' }]}
        table={{
          columns: ['Year', 'Adoption', 'SOM', 'Gross profit'],
          rows: r.years.map((y, i) => [
            y.year,
            formatPercent(y.adoption, 0),
            big(y.som),
            big(r.benefits[i + 1] ?? 0),
          ]),
        }}
      >
        <LineChart
          series={[
            {
              id: 'som',
              label: 'SOM',
              points: r.years.map((y) => ({ x: y.year, y: y.som })),
              color: '#b3261e',
              hasDots: true,
            },
          ]}
          formatX={String}
          formatY={big}
          xTicks={years}
        />
      </ChartFrame>
    </>
  );
}

/** Every estimate: its value in the plan's first and last years, source, and whether it is extrapolated. */
export function EstimatesTable({
  markets,
  values,
}: {
  markets: readonly MarketContent[];
  values: InputValues;
}) {
  const x = toMarketSizingInputs(values, markets);
  const first = x.firstYear;
  const last = x.firstYear + x.horizonYears - 1;
  const excluded = new Set(x.excludedEstimates);
  return (
    <section className="card" aria-labelledby="estimates-title">
      <h2 id="estimates-title">Market estimates</h2>
      {markets.map((m) => (
        <div key={m.id} className="market">
          <h3>{m.name}</h3>
          <p className="muted small">{m.summary}</p>
          <DataTable
            caption={`${m.name} estimates`}
            data={{
              columns: ['Estimate', 'Stated', 'Growth a year', `${first}`, `${last}`, 'Used'],
              numeric: [false, false, true, true, true, false],
              rows: m.estimates.map((e) => [
                e.label,
                e.endYear
                  ? `${big(e.baseValue)} (${e.baseYear}) → ${big(e.endValue!)} (${e.endYear})`
                  : `${big(e.baseValue)} (${e.baseYear})`,
                formatPercent(estimateGrowth(e), 1),
                big(projectEstimate(e, first)),
                `${big(projectEstimate(e, last))}${extrapolatedYears(e, last) > 0 ? ` (extrapolated ${extrapolatedYears(e, last)} y)` : ''}`,
                excluded.has(e.id) ? 'no' : 'yes',
              ]),
            }}
          />
          <ul className="source-list">
            {m.estimates.map((e) => (
              <li key={e.id}>
                <strong>{e.label}:</strong> <Citation source={e.source} />
                {e.note && <span> {e.note}</span>}
              </li>
            ))}
          </ul>
          {m.notUsed.length > 0 && (
            <details>
              <summary>Figures looked at and not used ({m.notUsed.length})</summary>
              <ul className="source-list">
                {m.notUsed.map((n) => (
                  <li key={n.text}>
                    {n.text} <Citation source={n.source} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </section>
  );
}

/** How the essay's headline could be built from its own figures, and how far our sum is from it. */
export function HeadlinePanel({
  markets,
  headline,
  values,
}: {
  markets: readonly MarketContent[];
  headline: MarketHeadline;
  values: InputValues;
}) {
  const x = toMarketSizingInputs(values, markets);
  const ours = compareWithHeadline(markets, x.excludedEstimates, headline);
  const compositions = composeHeadline(markets, headline, 3);
  const byId = new Map(markets.map((m) => [m.id, m.name]));
  return (
    <section className="card" aria-labelledby="headline-title">
      <h2 id="headline-title">The essay’s {big(headline.value)} headline</h2>
      <blockquote>“{headline.quote}”</blockquote>
      <p className="small">
        <Citation source={headline.source} />
      </p>
      <p data-testid="headline-gap">
        Our conservative TAM for {ours.year} is <strong>{big(ours.conservative)}</strong>,{' '}
        {formatPercent(Math.abs(ours.relative), 1)} {ours.difference < 0 ? 'below' : 'above'} the
        headline ({big(Math.abs(ours.difference))} {ours.difference < 0 ? 'short' : 'over'}); base{' '}
        {big(ours.base)}, aggressive {big(ours.aggressive)}.
        {ours.extrapolated.length > 0 &&
          ` Extrapolated beyond their sources: ${ours.extrapolated.join('; ')}.`}
      </p>
      <h3>Sums of the essay’s own figures that come closest</h3>
      <p className="muted small">{headline.note}</p>
      <ol>
        {compositions.map((c, i) => (
          <li key={i}>
            {c.terms.map((t, j) => (
              <span key={t.estimate}>
                {j > 0 ? ' + ' : ''}
                {byId.get(t.market)} {big(t.value)} ({t.label}, {t.year},{' '}
                {t.isStated ? 'as stated' : 'grown at its stated rate'})
              </span>
            ))}{' '}
            = <strong>{big(c.total)}</strong> ({c.difference >= 0 ? '+' : '−'}
            {big(Math.abs(c.difference))})
          </li>
        ))}
      </ol>
    </section>
  );
}

export const marketSizingFormulas = (
  <div className="formula-text">
    <ul>
      <li>
        Each estimate grows by compound growth from its base year: value(year) = base × (1 + g)
        <sup>year − base year</sup>, with g its stated CAGR or the one implied by its end value,
        (end ÷ base)<sup>1 ÷ years</sup> − 1.
      </li>
      <li>
        Per market and year: conservative = lowest estimate, base = median, aggressive = highest.
      </li>
      <li>
        TAM = Σ markets. SAM = Σ market × serviceable share. SOM = Σ market × serviceable share ×
        obtainable share × adoption.
      </li>
      <li>
        Adoption rises in a straight line: year i of the plan reaches min(1, i ÷ A), A = years to
        full adoption.
      </li>
      <li>
        Cash flow: year 0 = −upfront investment; year i = SOM × gross margin − go-to-market cost.
      </li>
    </ul>
    <p>
      Analysts define these markets differently; the estimate table says which figures are
      unverified and where a projection runs past the years its source covers.
    </p>
  </div>
);
