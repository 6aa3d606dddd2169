import { scaleBand, scaleLinear } from 'd3-scale';
import { useChartWidth } from './chart-width';
import { XAxis } from './Axes';
import { ChartSvg } from './ChartSvg';
import { finiteExtent, isFiniteNumber } from './chart-utils';

export interface TornadoBar {
  label: string;
  /** Outcome with the input at its low and at its high. */
  atLow: number;
  atHigh: number;
  lowText: string;
  highText: string;
  /** The input's value where its bar crosses zero (its break-even), marked on the bar. */
  zeroText?: string;
}

interface Props {
  rows: readonly TornadoBar[];
  base: number;
  formatValue: (value: number) => string;
  width?: number;
  /** Most rows shown (largest swings first). */
  limit?: number;
}

const LOW_COLOR = '#b3261e';
const HIGH_COLOR = '#0d7a6f';
const BREAK_EVEN_COLOR = '#1d1d1f';

/**
 * One bar per input from its outcome at the low to its outcome at the high, around the base
 * outcome: the longest bars are the inputs worth checking first.
 */
export function TornadoChart({ rows, base, formatValue, width: widthProp, limit = 10 }: Props) {
  const measuredWidth = useChartWidth();
  const width = widthProp ?? measuredWidth;
  const shown = rows
    .filter((r) => isFiniteNumber(r.atLow) && isFiniteNumber(r.atHigh))
    .slice(0, limit);
  const rowHeight = 30;
  // Labels take up to 230 px, less on a narrow chart, cut to what fits (about 6.6 px a
  // character at 12 px): the full label is the text's <title> and in the table below.
  const margin = { top: 8, right: 24, bottom: 40, left: Math.min(230, Math.round(width * 0.42)) };
  const maxChars = Math.max(8, Math.floor((margin.left - 8) / 6.6));
  const height = margin.top + margin.bottom + Math.max(1, shown.length) * rowHeight;
  const x = scaleLinear()
    .domain(finiteExtent([base, ...shown.flatMap((r) => [r.atLow, r.atHigh])], false))
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleBand<string>()
    .domain(shown.map((r) => r.label))
    .range([margin.top, height - margin.bottom])
    .padding(0.25);
  const baseX = isFiniteNumber(base) ? x(base) : margin.left;

  return (
    <ChartSvg width={width} height={height}>
      <XAxis
        scale={x}
        height={height}
        width={width}
        margin={margin}
        ticks={5}
        format={formatValue}
      />
      {shown.map((r) => {
        const top = y(r.label) ?? 0;
        const h = y.bandwidth();
        const bar = (value: number, color: string) => {
          const left = Math.min(x(value), baseX);
          return (
            <rect
              x={left}
              y={top}
              width={Math.max(1, Math.abs(x(value) - baseX))}
              height={h}
              fill={color}
              rx={2}
            />
          );
        };
        const crossesZero =
          r.zeroText !== undefined &&
          Math.min(r.atLow, r.atHigh) <= 0 &&
          Math.max(r.atLow, r.atHigh) >= 0;
        return (
          <g key={r.label}>
            <text
              x={margin.left - 8}
              y={top + h / 2}
              dy="0.32em"
              textAnchor="end"
              className="row-label"
            >
              {/* The full label on hover; the table below the chart has every label in full. */}
              <title>{r.label}</title>
              {r.label.length > maxChars ? `${r.label.slice(0, maxChars - 1)}…` : r.label}
            </text>
            {bar(r.atLow, LOW_COLOR)}
            {bar(r.atHigh, HIGH_COLOR)}
            {crossesZero && (
              <path
                className="break-even"
                d={`M${x(0)},${top - 3}l5,${h / 2 + 3}l-5,${h / 2 + 3}l-5,${-(h / 2 + 3)}z`}
                fill={BREAK_EVEN_COLOR}
                stroke="#fff"
              >
                <title>{`NPV = 0 at ${r.zeroText}`}</title>
              </path>
            )}
          </g>
        );
      })}
      <line className="base" x1={baseX} x2={baseX} y1={margin.top} y2={height - margin.bottom} />
    </ChartSvg>
  );
}

export const TORNADO_LEGEND = [
  { label: 'Input at its low', color: LOW_COLOR },
  { label: 'Input at its high', color: HIGH_COLOR },
];
