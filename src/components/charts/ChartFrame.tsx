import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ChartWidth } from './chart-width';
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
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = plot.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      // Below 280 px the margins leave no room to plot; such a chart scales down instead.
      if (measured > 0) setWidth(Math.max(280, measured));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
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
      <div className="chart-plot" ref={plot}>
        <ChartWidth.Provider value={width}>{children}</ChartWidth.Provider>
      </div>
      <details className="chart-table" open={isTableOpen}>
        <summary>Show the numbers as a table</summary>
        <DataTable data={table} caption={title} />
      </details>
    </figure>
  );
}
