import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../../src/components/charts/BarChart';
import { finiteExtent } from '../../../src/components/charts/chart-utils';
import { Histogram } from '../../../src/components/charts/Histogram';
import { LineChart } from '../../../src/components/charts/LineChart';
import { TornadoChart } from '../../../src/components/charts/TornadoChart';

const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const fmt = (v: number) => String(v);

function svg(element: ReturnType<typeof createElement>): string {
  return renderToStaticMarkup(element);
}

describe('charts never draw NaN', () => {
  it('line chart drops non-finite points and markers', () => {
    const html = svg(
      createElement(LineChart, {
        series: [
          {
            id: 'a',
            label: 'A',
            points: [
              { x: 0, y: 1 },
              { x: 1, y: Number.NaN },
              { x: Number.POSITIVE_INFINITY, y: 2 },
              { x: 2, y: 3 },
            ],
            hasDots: true,
          },
          { id: 'b', label: 'B', points: bad.map((v, i) => ({ x: i, y: v })) },
        ],
        markers: [
          { x: Number.NaN, y: 0, label: 'nowhere' },
          { x: 1, y: Number.NaN, label: 'also nowhere' },
        ],
        formatX: fmt,
        formatY: fmt,
      }),
    );
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).not.toContain('nowhere');
    expect(html).toContain('<path');
  });

  it('line chart on a log axis ignores zero and negative x', () => {
    const html = svg(
      createElement(LineChart, {
        series: [
          {
            id: 'a',
            label: 'A',
            points: [
              { x: 0, y: 1 },
              { x: -5, y: 1 },
              { x: 10, y: 2 },
              { x: 100, y: 3 },
            ],
          },
        ],
        formatX: fmt,
        formatY: fmt,
        xScale: 'log',
      }),
    );
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('bar chart, tornado and histogram skip non-finite values, and empty data draws nothing odd', () => {
    const bars = svg(
      createElement(BarChart, {
        categories: ['a', 'b', 'c'],
        series: [{ id: 's', label: 'S', values: [1, Number.NaN, -2] }],
        formatY: fmt,
      }),
    );
    const tornado = svg(
      createElement(TornadoChart, {
        rows: [
          { label: 'x', atLow: Number.NaN, atHigh: 1, lowText: '', highText: '' },
          { label: 'y', atLow: -1, atHigh: 2, lowText: '', highText: '' },
        ],
        base: Number.NaN,
        formatValue: fmt,
      }),
    );
    const histogram = svg(
      createElement(Histogram, {
        bins: [
          { x0: 0, x1: 1, count: 3 },
          { x0: 1, x1: Number.NaN, count: 2 },
        ],
        markers: [{ x: Number.NaN, label: 'P50' }],
        formatX: fmt,
      }),
    );
    const empty = svg(createElement(LineChart, { series: [], formatX: fmt, formatY: fmt }));
    for (const html of [bars, tornado, histogram, empty]) expect(html).not.toMatch(/NaN|Infinity/);
    expect(tornado).not.toContain('>x<');
  });

  it('finiteExtent widens flat or empty data', () => {
    expect(finiteExtent([])).toEqual([-1, 1]);
    expect(finiteExtent([Number.NaN], false)).toEqual([0, 1]);
    expect(finiteExtent([5, 5], false)).toEqual([4.5, 5.5]);
    expect(finiteExtent([-2, 3])).toEqual([-2, 3]);
  });
});
