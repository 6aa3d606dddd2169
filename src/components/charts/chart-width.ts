import { createContext, useContext } from 'react';

/**
 * The width, in CSS pixels, a chart is drawn at: ChartFrame measures its plot area and charts
 * use it as their viewBox width, so one SVG unit is one pixel and chart text is the size the
 * stylesheet says (14 px) on a phone as on a desktop, not a 640-wide drawing scaled down to
 * 6–7 px. 640 until the frame has measured itself (the server render, a browser without
 * ResizeObserver).
 */
export const ChartWidth = createContext(640);

export function useChartWidth(): number {
  return useContext(ChartWidth);
}
