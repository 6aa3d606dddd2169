import { formatMoney, formatPercent, formatYears } from '../../lib/roi/format';
import type { CashflowSummary } from '../../lib/roi/models/summary';

interface Props {
  result: CashflowSummary;
  /** Dim the figures while an input is invalid (they are the last valid ones). */
  isStale?: boolean;
}

/** The four figures an executive asks for first, with what each means. */
export function ResultSummary({ result, isStale = false }: Props) {
  const horizon = result.cashflows.length - 1;
  return (
    <section
      className={isStale ? 'roi-summary stale' : 'roi-summary'}
      aria-labelledby="roi-summary-title"
      aria-live="polite"
    >
      <h2 id="roi-summary-title" className="visually-hidden">
        Results
      </h2>
      <dl className="kpis">
        <div className={result.npv >= 0 ? 'kpi good' : 'kpi bad'}>
          <dt>Net present value</dt>
          <dd data-testid="npv" title={formatMoney(result.npv)}>
            {formatMoney(result.npv, { compact: Math.abs(result.npv) >= 1e7 })}
          </dd>
          <dd className="kpi-note">
            Over {horizon} {horizon === 1 ? 'year' : 'years'} at{' '}
            {formatPercent(result.discountRate)} a year
          </dd>
        </div>
        <div className="kpi">
          <dt>Return on investment</dt>
          <dd data-testid="roi">
            {result.roi === null ? 'no costs' : formatPercent(result.roi, 0)}
          </dd>
          <dd className="kpi-note">(PV benefits − PV costs) ÷ PV costs</dd>
        </div>
        <div className="kpi">
          <dt>Payback</dt>
          <dd data-testid="payback">{formatYears(result.paybackYears)}</dd>
          <dd className="kpi-note">Discounted: {formatYears(result.discountedPaybackYears)}</dd>
        </div>
        <div className="kpi">
          <dt>Internal rate of return</dt>
          <dd data-testid="irr">{result.irr === null ? 'none' : formatPercent(result.irr, 0)}</dd>
          <dd className="kpi-note">
            {result.irr === null
              ? 'The cash flows never change sign'
              : 'The discount rate at which NPV is zero'}
          </dd>
        </div>
      </dl>
      <p className="muted small">
        Present value of benefits {formatMoney(result.pvBenefits)}; of costs{' '}
        {formatMoney(result.pvCosts)}.
      </p>
    </section>
  );
}
