import type { ScaleBand, ScaleLinear } from 'd3-scale';
import type { Margin } from './chart-utils';

interface YAxisProps {
  scale: ScaleLinear<number, number>;
  width: number;
  margin: Margin;
  ticks?: number;
  format: (value: number) => string;
  label?: string | undefined;
}

/** Horizontal grid lines with value labels on the left. */
export function YAxis({ scale, width, margin, ticks = 5, format, label }: YAxisProps) {
  return (
    <g className="axis y-axis">
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line className={t === 0 ? 'zero' : 'grid'} x1={margin.left} x2={width - margin.right} />
          <text x={margin.left - 6} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text
          className="axis-label"
          transform={`translate(14,${margin.top}) rotate(-90)`}
          textAnchor="end"
        >
          {label}
        </text>
      )}
    </g>
  );
}

interface XAxisProps {
  scale: ScaleLinear<number, number>;
  height: number;
  margin: Margin;
  ticks?: number | number[];
  format: (value: number) => string;
  label?: string | undefined;
  width: number;
}

/** Value labels along the bottom. */
export function XAxis({ scale, height, margin, ticks = 6, format, label, width }: XAxisProps) {
  const values = Array.isArray(ticks) ? ticks : scale.ticks(ticks);
  return (
    <g className="axis x-axis" transform={`translate(0,${height - margin.bottom})`}>
      <line className="domain" x1={margin.left} x2={width - margin.right} />
      {values.map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line className="tick" y2={5} />
          <text y={18} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text className="axis-label" x={width - margin.right} y={34} textAnchor="end">
          {label}
        </text>
      )}
    </g>
  );
}

/** Category labels along the bottom of a band scale. */
export function BandAxis({
  scale,
  height,
  margin,
  width,
}: {
  scale: ScaleBand<string>;
  height: number;
  margin: Margin;
  width: number;
}) {
  return (
    <g className="axis x-axis" transform={`translate(0,${height - margin.bottom})`}>
      <line className="domain" x1={margin.left} x2={width - margin.right} />
      {scale.domain().map((c) => (
        <text key={c} x={(scale(c) ?? 0) + scale.bandwidth() / 2} y={18} textAnchor="middle">
          {c}
        </text>
      ))}
    </g>
  );
}
