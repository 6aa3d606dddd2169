import type { MonteCarloSummary } from '../../lib/roi/analysis/monte-carlo';
import { formatMoney, formatPercent } from '../../lib/roi/format';

export interface SimulationSummaryProps {
  /** Null while the first run is on its way. */
  summary: MonteCarloSummary | null;
  /** Why the median differs from the headline (analysis/story.ts), or null when it agrees. */
  story: string | null;
  /** Disputed inputs and whether their ranges are simulated. */
  disputed: readonly { key: string; label: string }[];
  includeDisputed: boolean;
  onIncludeDisputed?: ((include: boolean) => void) | undefined;
  isStale?: boolean;
}

const compact = (v: number) => formatMoney(v, { compact: Math.abs(v) >= 1e7 });

/**
 * The simulation beside the headline: P10, P50, P90 and the chance NPV is above zero, what
 * explains a median far from the headline, and which disputed ranges are left out (with the
 * choice to include them, where the page is interactive).
 */
export function SimulationSummary(props: SimulationSummaryProps) {
  const { summary, disputed, includeDisputed } = props;
  const names = disputed.map((d) => d.label.toLowerCase()).join(', ');
  return (
    <div className={props.isStale ? 'roi-simulation stale' : 'roi-simulation'}>
      <h3 className="small">
        Simulated NPV
        {summary && (
          <span className="muted">
            {' '}
            ({summary.trials.toLocaleString('en-US')} trials, seed {summary.seed})
          </span>
        )}
      </h3>
      {summary ? (
        <dl className="kpis compact" data-testid="simulation-summary">
          <div className="kpi">
            <dt>P10</dt>
            <dd>{compact(summary.p10)}</dd>
          </div>
          <div className="kpi">
            <dt>P50 (median)</dt>
            <dd data-testid="story-p50">{compact(summary.p50)}</dd>
          </div>
          <div className="kpi">
            <dt>P90</dt>
            <dd>{compact(summary.p90)}</dd>
          </div>
          <div className="kpi">
            <dt>Chance NPV &gt; 0</dt>
            <dd>{formatPercent(summary.probabilityPositive, 0)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted small">Simulating…</p>
      )}
      {summary && props.story && <p className="small story">{props.story}</p>}
      {disputed.length > 0 && (
        <p className="small">
          {includeDisputed
            ? `Including the disputed range of ${names}, as you chose: its evidence points both ways, and the headline still uses your value.`
            : `The disputed range of ${names} is left out: its evidence points both ways, so it is held at your value, as the headline is.`}
          {props.onIncludeDisputed && (
            <label className="inline-check">
              <input
                type="checkbox"
                checked={includeDisputed}
                onChange={(e) => props.onIncludeDisputed?.(e.currentTarget.checked)}
              />{' '}
              Simulate disputed ranges too
            </label>
          )}
        </p>
      )}
    </div>
  );
}
