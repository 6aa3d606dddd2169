import { useId, type ReactNode } from 'react';
import { DataTable, type TableData } from './DataTable';
import './charts.css';

interface Props {
  title: string;
  /** One or two sentences saying what the chart shows, read by screen readers. */
  description: string;
  /** The same numbers as a table, the chart's text alternative. */
  table: TableData;
  /** Open the table by default (print views, compare pages). */
  isTableOpen?: boolean;
  legend?: { label: string; color: string; dashed?: boolean }[];
  children: ReactNode;
}

/**
 * A chart with its title, a description, a legend and its table alternative. Charts are
 * figures: the SVG is an image labelled by the description, the table carries the numbers.
 */
export function ChartFrame({
  title,
  description,
  table,
  isTableOpen = false,
  legend,
  children,
}: Props) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="chart-desc">
        {description}
      </p>
      {legend && legend.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {legend.map((item) => (
            <li key={item.label}>
              <span
                className={item.dashed ? 'swatch dashed' : 'swatch'}
                style={{
                  borderColor: item.color,
                  background: item.dashed ? 'transparent' : item.color,
                }}
              />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <div className="chart-plot">{children}</div>
      <details className="chart-table" open={isTableOpen}>
        <summary>Show the numbers as a table</summary>
        <DataTable data={table} caption={title} />
      </details>
    </figure>
  );
}
