import { ChartFrame } from '../charts/ChartFrame';
import { TORNADO_LEGEND, TornadoChart } from '../charts/TornadoChart';
import { describeBreakEven } from '../../lib/roi/analysis/break-even';
import { BREAK_EVEN_ROWS, type Tornado, type TornadoRow } from '../../lib/roi/analysis/sensitivity';
import { formatMoney, formatNumberFor } from '../../lib/roi/format';

function breakEvenText(row: TornadoRow) {
  return row.breakEven ? describeBreakEven(row.breakEven, row, row) : undefined;
}

/**
 * Which inputs move NPV most: each at its low and high (evidence range, else ±20%), and for
 * the top BREAK_EVEN_ROWS the value at which NPV is zero, marked on the bars that cross it.
 */
export function TornadoPanel({ data }: { data: Tornado }) {
  const rows = data.rows.filter((r) => r.swing > 0);
  if (rows.length === 0) {
    return <p className="chart-empty">No input moves the NPV at these values.</p>;
  }
  const top = rows[0]!;
  const withBreakEven = rows.filter((r) => r.breakEven);
  const firstFound = withBreakEven.find((r) => r.breakEven?.kind === 'found');
  return (
    <ChartFrame
      title="Sensitivity of NPV (tornado)"
      description={`Each input moved to its low and high with the others unchanged. ${top.label} moves NPV the most, from ${formatMoney(top.npvLow)} to ${formatMoney(top.npvHigh)}.${firstFound ? ` ${breakEvenText(firstFound)!.sentence}` : ''}`}
      legend={[...TORNADO_LEGEND, BREAK_EVEN_LEGEND]}
      table={{
        columns: [
          'Input',
          'Low',
          'High',
          'NPV at low',
          'NPV at high',
          'Swing',
          'Range from',
          'Break-even (NPV = 0)',
        ],
        rows: rows.map((r) => [
          r.label,
          formatNumberFor(r.unit, r.low),
          formatNumberFor(r.unit, r.high),
          formatMoney(r.npvLow),
          formatMoney(r.npvHigh),
          formatMoney(r.swing),
          r.isFromBenchmark ? 'evidence' : '±20%',
          breakEvenText(r)?.cell ?? `— (top ${BREAK_EVEN_ROWS} inputs only)`,
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
          ...(r.breakEven?.kind === 'found' && r.breakEven.isWithinTestedRange
            ? { zeroText: formatNumberFor(r.unit, r.breakEven.value) }
            : {}),
        }))}
        base={data.baseNpv}
        formatValue={(v) => formatMoney(v, { compact: true })}
      />
      {withBreakEven.length > 0 && (
        <div className="break-evens">
          <h3 className="small">Where NPV reaches zero</h3>
          <ul className="small">
            {withBreakEven.map((r) => (
              <li key={r.key}>{breakEvenText(r)!.sentence}</li>
            ))}
          </ul>
        </div>
      )}
    </ChartFrame>
  );
}

const BREAK_EVEN_LEGEND = {
  label: 'Break-even (NPV = 0) inside the tested range',
  color: '#1d1d1f',
};
