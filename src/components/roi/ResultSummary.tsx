import { formatMoney, formatPercent, formatYears } from '../../lib/roi/format';
import type { CashflowSummary } from '../../lib/roi/models/summary';

interface Props {
  result: CashflowSummary;
  /** Dim the figures while an input is invalid (they are the last valid ones). */
  isStale?: boolean;
}

/**
 * The four figures an executive asks for first, with what each means. When the model
 * risk-adjusts its benefits (TEI style), these are the risk-adjusted figures and each says what
 * it is before the adjustment.
 */
export function ResultSummary({ result, isStale = false }: Props) {
  const horizon = result.cashflows.length - 1;
  const raw = result.unadjusted;
  const before = (text: string) =>
    raw && <dd className="kpi-note unadjusted">Before risk adjustment: {text}</dd>;
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
            {raw ? 'Risk-adjusted, over' : 'Over'} {horizon} {horizon === 1 ? 'year' : 'years'} at{' '}
            {formatPercent(result.discountRate)} a year
          </dd>
          {raw && before(formatMoney(raw.npv, { compact: Math.abs(raw.npv) >= 1e7 }))}
        </div>
        <div className="kpi">
          <dt>Return on investment</dt>
          <dd data-testid="roi">
            {result.roi === null ? 'no costs' : formatPercent(result.roi, 0)}
          </dd>
          <dd className="kpi-note">(PV benefits − PV costs) ÷ PV costs</dd>
          {raw && before(raw.roi === null ? 'no costs' : formatPercent(raw.roi, 0))}
        </div>
        <div className="kpi">
          <dt>Payback</dt>
          <dd data-testid="payback">{formatYears(result.paybackYears)}</dd>
          <dd className="kpi-note">Discounted: {formatYears(result.discountedPaybackYears)}</dd>
          {raw && before(formatYears(raw.paybackYears))}
        </div>
        <div className="kpi">
          <dt>Internal rate of return</dt>
          <dd data-testid="irr">{result.irr === null ? 'none' : formatPercent(result.irr, 0)}</dd>
          <dd className="kpi-note">
            {result.irr === null
              ? 'The cash flows never change sign'
              : 'The discount rate at which NPV is zero'}
          </dd>
          {raw && before(raw.irr === null ? 'none' : formatPercent(raw.irr, 0))}
        </div>
      </dl>
      <p className="muted small">
        Present value of benefits {formatMoney(result.pvBenefits)}
        {raw && <> after risk adjustment ({formatMoney(raw.pvBenefits)} before)</>}; of costs{' '}
        {formatMoney(result.pvCosts)}.
        {raw && (
          <>
            {' '}
            Each benefit is reduced by its risk adjustment, set from the strength of its evidence
            (the convention of Forrester’s Total Economic Impact studies); costs are not adjusted.
          </>
        )}
      </p>
    </section>
  );
}
