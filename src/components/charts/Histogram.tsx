import { scaleLinear } from 'd3-scale';
import { useChartWidth } from './chart-width';
import { XAxis, YAxis } from './Axes';
import { ChartSvg } from './ChartSvg';
import { clamp, DEFAULT_MARGIN, finiteExtent, isFiniteNumber } from './chart-utils';

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

interface Props {
  bins: readonly HistogramBin[];
  /** Vertical rules, e.g. P10, P50, P90. */
  markers?: readonly { x: number; label: string }[];
  formatX: (value: number) => string;
  /** Bars at or below this value take the second colour (NPV ≤ 0). */
  threshold?: number;
  width?: number;
  height?: number;
}

/** Counts per bin as touching bars, with labelled percentile rules. */
export function Histogram({
  bins,
  markers = [],
  formatX,
  threshold,
  width: widthProp,
  height = 260,
}: Props) {
  const measuredWidth = useChartWidth();
  const width = widthProp ?? measuredWidth;
  const margin = { ...DEFAULT_MARGIN, top: 28, left: 56 };
  const clean = bins.filter(
    (b) => isFiniteNumber(b.x0) && isFiniteNumber(b.x1) && isFiniteNumber(b.count),
  );
  const x = scaleLinear()
    .domain(finiteExtent([...clean.map((b) => b.x0), ...clean.map((b) => b.x1)], false))
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...clean.map((b) => b.count))])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const xRange = x.range() as [number, number];

  return (
    <ChartSvg width={width} height={height}>
      <YAxis
        scale={y}
        width={width}
        margin={margin}
        ticks={4}
        format={(v) => String(v)}
        label="Trials"
      />
      <XAxis scale={x} height={height} width={width} margin={margin} ticks={5} format={formatX} />
      {clean.map((b, i) => {
        const left = x(b.x0);
        const w = Math.max(1, x(b.x1) - left - 1);
        const isLow = threshold !== undefined && b.x1 <= threshold;
        return (
          <rect
            key={i}
            x={left}
            y={y(b.count)}
            width={w}
            height={y(0) - y(b.count)}
            fill={isLow ? '#d98b86' : '#7a70d6'}
          />
        );
      })}
      {markers
        .filter((m) => isFiniteNumber(m.x))
        .map((m, i) => {
          const mx = clamp(x(m.x), xRange);
          return (
            <g key={m.label} className="marker">
              <line
                x1={mx}
                x2={mx}
                y1={margin.top - 4}
                y2={height - margin.bottom}
                stroke="#14181f"
                strokeDasharray="4 3"
              />
              <text x={mx} y={margin.top - 6 - (i % 2) * 13} textAnchor="middle">
                {m.label}
              </text>
            </g>
          );
        })}
    </ChartSvg>
  );
}
