import { ChartFrame } from '../charts/ChartFrame';
import { LineChart, type LinePoint } from '../charts/LineChart';
import type { InputValues } from '../../lib/roi/fields';
import { formatCount, formatMoney, formatPercent } from '../../lib/roi/format';
import type { ModelResult } from '../../lib/roi/models';
import { CURVES, outcomeProbability, type CurveId } from '../../lib/roi/models/speed-to-lead';

function minutesText(m: number): string {
  if (m < 120) return `${formatCount(m, 1)} min`;
  return `${formatCount(m / 60, 1)} h`;
}

export function SpeedToLeadHighlights({
  result,
  values,
}: {
  result: ModelResult;
  values: InputValues;
}) {
  if (result.model !== 'speed-to-lead') return null;
  const outcome = CURVES[values.curve as CurveId].outcome === 'contact' ? 'contacted' : 'qualified';
  return (
    <section className="card highlights" aria-labelledby="stl-facts">
      <h2 id="stl-facts">Leads and wins</h2>
      <dl className="facts">
        <div>
          <dt>
            Leads {outcome} at {minutesText(Number(values.currentResponseMinutes))}
          </dt>
          <dd data-testid="p-current">{formatPercent(result.probabilityCurrent, 1)}</dd>
        </div>
        <div>
          <dt>At {minutesText(Number(values.targetResponseMinutes))}</dt>
          <dd data-testid="p-target">{formatPercent(result.probabilityTarget, 1)}</dd>
        </div>
        <div>
          <dt>Wins per month, now → target</dt>
          <dd>
            {formatCount(result.winsPerMonthCurrent, 1)} →{' '}
            {formatCount(result.winsPerMonthTarget, 1)}
          </dd>
        </div>
        <div>
          <dt>Extra wins a year</dt>
          <dd>{formatCount(result.extraWinsPerYear, 1)}</dd>
        </div>
      </dl>
      <p className="muted small">
        Yearly benefit {formatMoney(result.yearlyBenefit)} of gross margin against{' '}
        {formatMoney(result.yearlyCost)} of running cost. Both studies are observational: firms that
        answer fast may differ in other ways, so treat the benefit as an upper bound.
      </p>
    </section>
  );
}

/** Samples the curve on a log scale of minutes, split into the part the anchors cover and the part held flat. */
function curveSeries(baseRate: number, curve: CurveId, from: number, to: number) {
  const anchors = CURVES[curve].anchors;
  const first = anchors[0]![0];
  const last = anchors[anchors.length - 1]![0];
  const inside: LinePoint[] = [];
  const before: LinePoint[] = [];
  const after: LinePoint[] = [];
  const steps = 120;
  for (let i = 0; i <= steps; i++) {
    const m = Math.exp(Math.log(from) + ((Math.log(to) - Math.log(from)) * i) / steps);
    const point = { x: m, y: outcomeProbability(baseRate, curve, m) * 100 };
    if (m < first) before.push(point);
    else if (m > last) after.push(point);
    else inside.push(point);
  }
  const at = (m: number) => ({ x: m, y: outcomeProbability(baseRate, curve, m) * 100 });
  if (before.length) before.push(at(first));
  if (after.length) after.unshift(at(last));
  return { inside, held: [before, after], anchors: anchors.map(([m]) => at(m)) };
}

const NICE_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080, 43200];

/** A handful of round response times inside the plotted range, for a log axis. */
function minuteTicks(from: number, to: number): number[] {
  const inside = NICE_MINUTES.filter((m) => m >= from && m <= to);
  const step = Math.ceil(inside.length / 7);
  return inside.filter((_, i) => i % step === 0);
}

export function SpeedToLeadCharts({ values }: { values: InputValues }) {
  const curve = values.curve as CurveId;
  const base = Number(values.baseRate);
  const current = Number(values.currentResponseMinutes);
  const target = Number(values.targetResponseMinutes);
  const anchors = CURVES[curve].anchors;
  const from = Math.max(1, Math.min(anchors[0]![0], current, target) * 0.8);
  const to = Math.max(anchors[anchors.length - 1]![0], current, target) * 1.25;
  const s = curveSeries(base, curve, from, to);
  const outcome = CURVES[curve].outcome === 'contact' ? 'contact' : 'qualify';
  const at = (m: number) => outcomeProbability(base, curve, m) * 100;
  return (
    <ChartFrame
      title={`Chance to ${outcome} a lead by response time`}
      description={`${CURVES[curve].label}. Dots are the published anchors; between them the odds are interpolated, outside them held flat. Now: ${minutesText(current)} (${formatPercent(at(current) / 100, 1)}); target: ${minutesText(target)} (${formatPercent(at(target) / 100, 1)}).`}
      legend={[
        { label: 'Interpolated between anchors', color: '#3b2db5' },
        { label: 'Held flat beyond the anchors', color: '#5b6472', dashed: true },
      ]}
      table={{
        columns: ['Response time', `Chance to ${outcome}`, 'What it is'],
        numeric: [false, true, false],
        rows: [
          ...anchors.map(([m, ratio]) => [
            minutesText(m),
            formatPercent(at(m) / 100, 2),
            `Published anchor (odds × ${formatCount(ratio, 4)})`,
          ]),
          [minutesText(current), formatPercent(at(current) / 100, 2), 'Your current response time'],
          [minutesText(target), formatPercent(at(target) / 100, 2), 'Your target'],
        ],
      }}
    >
      <LineChart
        series={[
          { id: 'curve', label: 'Interpolated', points: s.inside, color: '#3b2db5' },
          {
            id: 'held-before',
            label: 'Held flat',
            points: s.held[0]!,
            color: '#5b6472',
            dashed: true,
          },
          {
            id: 'held-after',
            label: 'Held flat',
            points: s.held[1]!,
            color: '#5b6472',
            dashed: true,
          },
          {
            id: 'anchors',
            label: 'Anchors',
            points: s.anchors,
            color: '#3b2db5',
            hasDots: true,
            hasNoLine: true,
          },
        ]}
        markers={[
          { x: current, y: at(current), label: `Now ${minutesText(current)}`, color: '#b3261e' },
          { x: target, y: at(target), label: `Target ${minutesText(target)}`, color: '#0d7a6f' },
        ]}
        xScale="log"
        xTicks={minuteTicks(from, to)}
        formatX={minutesText}
        formatY={(v) => `${formatCount(v, 1)}%`}
        xLabel="Minutes to first response (log scale)"
        yLabel={`Chance to ${outcome}`}
      />
    </ChartFrame>
  );
}

export const speedToLeadFormulas = (
  <div className="formula-text">
    <p>Published response-time anchors give odds ratios against the first anchor:</p>
    <ul>
      <li>MIT/InsideSales 2007, contact: 5 min → 1, 30 min → 1/100.</li>
      <li>MIT/InsideSales 2007, qualify: 5 min → 1, 10 min → 1/4, 30 min → 1/21.</li>
      <li>HBR 2011, qualify: 1 hour → 1, 2 hours → 1/7, 24 hours → 1/60.</li>
    </ul>
    <p>
      Between anchors, ln(ratio) is interpolated linearly in minutes; outside them the nearest
      anchor's ratio holds, never extrapolated. The ratio applies to odds: odds = p₀/(1 − p₀) ×
      ratio and p = odds/(1 + odds), with p₀ the outcome rate at the first anchor.
    </p>
    <ul>
      <li>
        Wins per month = leads × p × qualify rate × win rate (contact curve), or leads × p × win
        rate (qualify curves).
      </li>
      <li>
        Yearly benefit = 12 × (wins at target − wins now) × deal value × gross margin; yearly cost =
        12 × monthly cost.
      </li>
      <li>
        Adoption of the faster response ramps over R months: year 1 earns (12 − R/2) ÷ 12 of the
        benefit; the subscription is paid from month one. Year y's benefit grows by (1 + growth)
        <sup>y−1</sup> and the cost by (1 + escalation)<sup>y−1</sup>; the benefit is reduced by its
        risk adjustment (Forrester TEI style).
      </li>
      <li>Cash flow: year 0 = −implementation cost; each later year = benefit − cost.</li>
    </ul>
  </div>
);
