import { scaleBand, scaleLinear } from 'd3-scale';
import { useChartWidth } from './chart-width';
import { BandAxis, YAxis } from './Axes';
import { ChartSvg } from './ChartSvg';
import { colorAt, DEFAULT_MARGIN, finiteExtent, isFiniteNumber } from './chart-utils';

export interface BarSeries {
  id: string;
  label: string;
  values: readonly number[];
  color?: string;
}

interface Props {
  categories: readonly string[];
  series: readonly BarSeries[];
  formatY: (value: number) => string;
  yLabel?: string;
  width?: number;
  height?: number;
}

/** Grouped bars per category (benefits against costs per year); handles negative values. */
export function BarChart({
  categories,
  series,
  formatY,
  yLabel,
  width: widthProp,
  height = 280,
}: Props) {
  const measuredWidth = useChartWidth();
  const width = widthProp ?? measuredWidth;
  const margin = DEFAULT_MARGIN;
  const x = scaleBand<string>()
    .domain([...categories])
    .range([margin.left, width - margin.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.id))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear()
    .domain(
      finiteExtent(
        series.flatMap((s) => s.values),
        true,
      ),
    )
    .nice()
    .range([height - margin.bottom, margin.top]);
  const zero = y(0);

  return (
    <ChartSvg width={width} height={height}>
      <YAxis scale={y} width={width} margin={margin} format={formatY} label={yLabel} />
      <BandAxis scale={x} height={height} margin={margin} width={width} />
      {categories.map((c, ci) => (
        <g key={c} transform={`translate(${x(c) ?? 0},0)`}>
          {series.map((s, si) => {
            const v = s.values[ci];
            if (!isFiniteNumber(v) || v === 0) return null;
            const top = Math.min(y(v), zero);
            return (
              <rect
                key={s.id}
                x={inner(s.id)}
                y={top}
                width={inner.bandwidth()}
                height={Math.abs(y(v) - zero)}
                fill={s.color ?? colorAt(si)}
                rx={2}
              />
            );
          })}
        </g>
      ))}
    </ChartSvg>
  );
}
