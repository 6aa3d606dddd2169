import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { DataTable } from '../charts/DataTable';
import { LineChart, type LineMarker } from '../charts/LineChart';
import { formatMoney, formatYears } from '../../lib/roi/format';
import type { CashflowSummary } from '../../lib/roi/models/summary';

const money = (v: number) => formatMoney(v, { compact: true });

/** Cumulative cash flow with the payback point, and yearly benefits against costs. */
export function CashflowCharts({
  result,
  isTableOpen = false,
  isSideBySide = false,
}: {
  result: CashflowSummary;
  isTableOpen?: boolean;
  /** Two columns on wide screens and in print (reports); stacked in the calculator. */
  isSideBySide?: boolean;
}) {
  let running = 0;
  let discounted = 0;
  const rows = result.cashflows.map((cf, year) => {
    running += cf;
    discounted += cf / (1 + result.discountRate) ** year;
    return { year, cf, running, discounted };
  });
  const markers: LineMarker[] = [];
  if (result.paybackYears !== null && result.paybackYears > 0) {
    markers.push({
      x: result.paybackYears,
      y: 0,
      label: `Payback ${formatYears(result.paybackYears)}`,
      color: '#0d7a6f',
    });
  }
  const years = rows.map((r) => r.year);
  return (
    <div className={isSideBySide ? 'chart-grid' : 'chart-stack'}>
      <ChartFrame
        title="Cumulative cash flow"
        description={`Money in minus money out, added up year by year from the one-time cost in year 0. ${
          result.paybackYears === null
            ? 'It does not turn positive within the horizon.'
            : `It turns positive after ${formatYears(result.paybackYears)}.`
        }`}
        legend={[
          { label: 'Cumulative', color: '#3b2db5' },
          { label: 'Cumulative, discounted', color: '#5b6472', dashed: true },
        ]}
        isTableOpen={isTableOpen}
        table={{
          columns: ['Year', 'Cash flow', 'Cumulative', 'Cumulative, discounted'],
          rows: rows.map((r) => [
            r.year,
            formatMoney(r.cf),
            formatMoney(r.running),
            formatMoney(r.discounted),
          ]),
        }}
      >
        <LineChart
          series={[
            {
              id: 'cumulative',
              label: 'Cumulative',
              points: rows.map((r) => ({ x: r.year, y: r.running })),
              color: '#3b2db5',
              hasDots: true,
            },
            {
              id: 'discounted',
              label: 'Cumulative, discounted',
              points: rows.map((r) => ({ x: r.year, y: r.discounted })),
              color: '#5b6472',
              dashed: true,
            },
          ]}
          markers={markers}
          formatX={(v) => `Year ${v}`}
          formatY={money}
          xTicks={years}
        />
      </ChartFrame>
      <ChartFrame
        title="Benefits and costs per year"
        description="Each year's benefits next to its costs; year 0 holds the one-time cost."
        legend={[
          { label: 'Benefits', color: '#0d7a6f' },
          { label: 'Costs', color: '#b3261e' },
        ]}
        isTableOpen={isTableOpen}
        table={{
          columns: ['Year', 'Benefits', 'Costs', 'Net'],
          rows: rows.map((r) => [
            r.year,
            formatMoney(result.benefits[r.year] ?? 0),
            formatMoney(result.costs[r.year] ?? 0),
            formatMoney(r.cf),
          ]),
        }}
      >
        <BarChart
          categories={years.map((y) => `Year ${y}`)}
          series={[
            { id: 'benefits', label: 'Benefits', values: result.benefits, color: '#0d7a6f' },
            { id: 'costs', label: 'Costs', values: result.costs, color: '#b3261e' },
          ]}
          formatY={money}
        />
      </ChartFrame>
    </div>
  );
}

/** Every year's benefits, costs and cash flow, plain and cumulative: the table a report prints. */
export function CashflowTable({ result }: { result: CashflowSummary }) {
  let running = 0;
  let discounted = 0;
  return (
    <section aria-labelledby="cashflow-table-title">
      <h2 id="cashflow-table-title">Yearly cash flows</h2>
      <DataTable
        caption="Yearly cash flows"
        data={{
          columns: [
            'Year',
            'Benefits',
            'Costs',
            'Cash flow',
            'Cumulative',
            'Cumulative, discounted',
          ],
          rows: result.cashflows.map((cf, year) => {
            running += cf;
            discounted += cf / (1 + result.discountRate) ** year;
            return [
              year,
              formatMoney(result.benefits[year] ?? 0),
              formatMoney(result.costs[year] ?? 0),
              formatMoney(cf),
              formatMoney(running),
              formatMoney(discounted),
            ];
          }),
        }}
      />
    </section>
  );
}
