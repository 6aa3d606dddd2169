import { ChartFrame } from '../charts/ChartFrame';
import { TORNADO_LEGEND, TornadoChart } from '../charts/TornadoChart';
import type { Tornado } from '../../lib/roi/analysis/sensitivity';
import { formatMoney, formatNumberFor } from '../../lib/roi/format';

/** Which inputs move NPV most: each at its low and high (evidence range, else ±20%). */
export function TornadoPanel({ data }: { data: Tornado }) {
  const rows = data.rows.filter((r) => r.swing > 0);
  if (rows.length === 0) {
    return <p className="chart-empty">No input moves the NPV at these values.</p>;
  }
  const top = rows[0]!;
  return (
    <ChartFrame
      title="Sensitivity of NPV (tornado)"
      description={`Each input moved to its low and high with the others unchanged. ${top.label} moves NPV the most, from ${formatMoney(top.npvLow)} to ${formatMoney(top.npvHigh)}.`}
      legend={TORNADO_LEGEND}
      table={{
        columns: ['Input', 'Low', 'High', 'NPV at low', 'NPV at high', 'Swing', 'Range from'],
        rows: rows.map((r) => [
          r.label,
          formatNumberFor(r.unit, r.low),
          formatNumberFor(r.unit, r.high),
          formatMoney(r.npvLow),
          formatMoney(r.npvHigh),
          formatMoney(r.swing),
          r.isFromBenchmark ? 'evidence' : '±20%',
        ]),
      }}
    >
      <TornadoChart
        rows={rows.map((r) => ({
          label: r.label,
          atLow: r.npvLow,
          atHigh: r.npvHigh,
          lowText: formatNumberFor(r.unit, r.low),
          highText: formatNumberFor(r.unit, r.high),
        }))}
        base={data.baseNpv}
        formatValue={(v) => formatMoney(v, { compact: true })}
      />
    </ChartFrame>
  );
}
