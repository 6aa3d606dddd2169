import { ChartFrame } from '../charts/ChartFrame';
import { Histogram } from '../charts/Histogram';
import type { MonteCarloSummary } from '../../lib/roi/analysis/monte-carlo';
import { formatMoney, formatPercent } from '../../lib/roi/format';

/** Whole dollars, or $1.2M once a figure would not fit its card. */
const short = (v: number) => formatMoney(v, { compact: Math.abs(v) >= 1e6 });

export function MonteCarloResult({
  summary,
  isStale = false,
  ms,
}: {
  summary: MonteCarloSummary;
  isStale?: boolean;
  ms?: number;
}) {
  const money = (v: number) => formatMoney(v, { compact: true });
  return (
    <div className={isStale ? 'mc-result stale' : 'mc-result'}>
      {isStale && (
        <p className="alert warning">Inputs changed since this run; run it again to update.</p>
      )}
      <dl className="kpis small">
        <div className="kpi">
          <dt>P10</dt>
          <dd data-testid="p10" title={formatMoney(summary.p10)}>
            {short(summary.p10)}
          </dd>
          <dd className="kpi-note">9 in 10 runs did better</dd>
        </div>
        <div className="kpi">
          <dt>P50 (median)</dt>
          <dd data-testid="p50" title={formatMoney(summary.p50)}>
            {short(summary.p50)}
          </dd>
          <dd className="kpi-note">Mean {formatMoney(summary.mean)}</dd>
        </div>
        <div className="kpi">
          <dt>P90</dt>
          <dd data-testid="p90" title={formatMoney(summary.p90)}>
            {short(summary.p90)}
          </dd>
          <dd className="kpi-note">1 in 10 runs did better</dd>
        </div>
        <div className={summary.probabilityPositive >= 0.5 ? 'kpi good' : 'kpi bad'}>
          <dt>Chance NPV &gt; 0</dt>
          <dd data-testid="p-positive">{formatPercent(summary.probabilityPositive, 1)}</dd>
          <dd className="kpi-note">
            {summary.trials.toLocaleString('en-US')} trials, seed {summary.seed}
            {ms !== undefined ? `, ${Math.round(ms)} ms` : ''}
          </dd>
        </div>
      </dl>
      <p className="muted small">
        The median can differ from the NPV above when the evidence range around a value is lopsided
        (productivity, for one, spreads further up than down).
      </p>
      <ChartFrame
        title="Distribution of NPV"
        description={`NPV across ${summary.trials.toLocaleString('en-US')} trials: P10 ${formatMoney(summary.p10)}, median ${formatMoney(summary.p50)}, P90 ${formatMoney(summary.p90)}; ${formatPercent(summary.probabilityPositive, 1)} of trials are above zero.`}
        table={{
          columns: ['NPV from', 'NPV to', 'Trials'],
          rows: summary.histogram.map((b) => [formatMoney(b.x0), formatMoney(b.x1), b.count]),
        }}
      >
        <Histogram
          bins={summary.histogram}
          markers={[
            { x: summary.p10, label: 'P10' },
            { x: summary.p50, label: 'P50' },
            { x: summary.p90, label: 'P90' },
          ]}
          formatX={money}
          threshold={0}
        />
      </ChartFrame>
    </div>
  );
}
