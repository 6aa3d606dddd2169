import { scaleLinear, scaleLog } from 'd3-scale';
import { useChartWidth } from './chart-width';
import { line } from 'd3-shape';
import { XAxis, YAxis } from './Axes';
import { ChartSvg } from './ChartSvg';
import { clamp, colorAt, DEFAULT_MARGIN, finiteExtent, isFiniteNumber } from './chart-utils';

export interface LinePoint {
  x: number;
  y: number;
}

export interface LineSeries {
  id: string;
  label: string;
  points: readonly LinePoint[];
  color?: string;
  dashed?: boolean;
  /** Draw a dot at every point (anchor points, yearly values). */
  hasDots?: boolean;
  /** Dots only, no line between them. */
  hasNoLine?: boolean;
}

export interface LineMarker {
  x: number;
  /** Without y the marker is a vertical rule across the plot. */
  y?: number;
  label: string;
  color?: string;
}

interface Props {
  series: readonly LineSeries[];
  markers?: readonly LineMarker[];
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  xLabel?: string;
  yLabel?: string;
  /** Explicit x ticks (years), else about six. */
  xTicks?: number[];
  xScale?: 'linear' | 'log';
  /** Keep 0 on the y axis (money); off for probabilities that start above 0. */
  includeZero?: boolean;
  width?: number;
  height?: number;
}

/**
 * Lines over a numeric x axis, with optional dots and labelled markers (a payback point, the
 * current and target response times). Non-finite points are dropped, never drawn.
 */
export function LineChart({
  series,
  markers = [],
  formatX,
  formatY,
  xLabel,
  yLabel,
  xTicks,
  xScale = 'linear',
  includeZero = true,
  width: widthProp,
  height = 280,
}: Props) {
  const measuredWidth = useChartWidth();
  const width = widthProp ?? measuredWidth;
  const margin = DEFAULT_MARGIN;
  const clean = series.map((s) => ({
    ...s,
    points: s.points.filter(
      (p) => isFiniteNumber(p.x) && isFiniteNumber(p.y) && (xScale === 'linear' || p.x > 0),
    ),
  }));
  const finiteMarkers = markers.filter(
    (m) => isFiniteNumber(m.x) && (m.y === undefined || isFiniteNumber(m.y)),
  );
  const xValues = clean.flatMap((s) => s.points.map((p) => p.x));
  const yValues = [
    ...clean.flatMap((s) => s.points.map((p) => p.y)),
    ...finiteMarkers.map((m) => m.y),
  ];
  const xDomain = finiteExtent(xValues, false);
  const x =
    xScale === 'log'
      ? scaleLog()
          .domain([Math.max(xDomain[0], 0.1), Math.max(xDomain[1], 1)])
          .range([margin.left, width - margin.right])
      : scaleLinear()
          .domain(xDomain)
          .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain(finiteExtent(yValues, includeZero))
    .nice()
    .range([height - margin.bottom, margin.top]);
  const path = line<LinePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const xRange = x.range() as [number, number];
  const yRange = y.range() as [number, number];

  return (
    <ChartSvg width={width} height={height}>
      <YAxis scale={y} width={width} margin={margin} format={formatY} label={yLabel} />
      <XAxis
        scale={x as never}
        height={height}
        width={width}
        margin={margin}
        ticks={xTicks ?? (xScale === 'log' ? (x.ticks(4) as number[]) : 6)}
        format={formatX}
        label={xLabel}
      />
      {clean.map((s, i) => {
        const color = s.color ?? colorAt(i);
        const d = s.points.length > 1 && !s.hasNoLine ? path(s.points) : null;
        return (
          <g key={s.id} className="series">
            {d && (
              <path
                d={d}
                fill="none"
                stroke={color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
            )}
            {(s.hasDots || s.points.length === 1) &&
              s.points.map((p) => (
                <circle
                  key={`${p.x}`}
                  cx={x(p.x)}
                  cy={y(p.y)}
                  r={4}
                  fill={color}
                  stroke="#fff"
                  strokeWidth={1.5}
                />
              ))}
          </g>
        );
      })}
      {finiteMarkers.map((m) => {
        const mx = clamp(x(m.x), xRange);
        const color = m.color ?? '#14181f';
        if (m.y === undefined) {
          return (
            <g key={m.label} className="marker">
              <line
                x1={mx}
                x2={mx}
                y1={yRange[1]}
                y2={yRange[0]}
                stroke={color}
                strokeDasharray="3 3"
              />
              <text x={mx + 4} y={yRange[1] + 12} fill={color}>
                {m.label}
              </text>
            </g>
          );
        }
        const my = clamp(y(m.y), yRange);
        const isRight = mx > (xRange[0] + xRange[1]) / 2;
        return (
          <g key={m.label} className="marker">
            <circle cx={mx} cy={my} r={6} fill="#fff" stroke={color} strokeWidth={2.5} />
            <text
              x={isRight ? mx - 9 : mx + 9}
              y={my - 9}
              textAnchor={isRight ? 'end' : 'start'}
              fill={color}
            >
              {m.label}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
