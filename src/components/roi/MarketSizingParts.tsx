import { ChartFrame } from '../charts/ChartFrame';
import { LineChart } from '../charts/LineChart';
import type { InputValues } from '../../lib/roi/fields';
import { formatMoney, formatPercent } from '../../lib/roi/format';
import type { ModelResult } from '../../lib/roi/models';
import { SCENARIO_LABELS } from '../../lib/roi/models/market-sizing-fields';

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
  const unused = r.years[0]?.markets.filter((m) => m.estimates === 0).map((m) => m.name) ?? [];
  return (
    <>
      {unused.length > 0 && (
        <p className="alert warning">
          No estimate is used for {unused.join(', ')}, so it counts as zero. Tick at least one of
          its estimates.
        </p>
      )}
      {r.evidence.weak > 0 && (
        <p className="alert warning" data-testid="som-evidence">
          {formatPercent(r.evidence.weak, 0)} of the SOM over the plan comes from weak evidence:{' '}
          {formatPercent(r.evidence.extrapolated, 0)} from estimates projected past the years their
          sources cover, {formatPercent(r.evidence.unverified, 0)} from figures we could not verify.
        </p>
      )}
      {r.extrapolated.length > 0 && (
        <p className="alert warning">
          Projected past the years their sources cover:{' '}
          {r.extrapolated
            .map((e) => `${e.label} (${e.years} ${e.years === 1 ? 'year' : 'years'})`)
            .join(', ')}
          . Treat the later years as extrapolation.
        </p>
      )}
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
