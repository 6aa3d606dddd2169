import { DataTable } from '../charts/DataTable';
import type { MarketContent, MarketHeadline } from '../../lib/content/roi-schemas';
import type { InputValues } from '../../lib/roi/fields';
import { formatMoney, formatPercent } from '../../lib/roi/format';
import { composeHeadline, compareWithHeadline } from '../../lib/roi/models/headline';
import {
  estimateGrowth,
  extrapolatedYears,
  projectEstimate,
} from '../../lib/roi/models/market-sizing';
import { toMarketSizingInputs } from '../../lib/roi/models/market-sizing-fields';
import { Citation } from './SourceNote';

const big = (v: number) => formatMoney(v, { compact: true });

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
