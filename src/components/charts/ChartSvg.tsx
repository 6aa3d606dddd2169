import type { ReactNode } from 'react';

/**
 * The SVG every chart draws into. It is hidden from assistive technology: ChartFrame labels the
 * figure with its description and carries the numbers as a table.
 */
export function ChartSvg({
  width,
  height,
  children,
}: {
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="chart-svg"
      role="presentation"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}
