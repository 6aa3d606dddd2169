import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MonteCarloResult } from '../../../src/components/roi/MonteCarloResult';
import { ResultSummary } from '../../../src/components/roi/ResultSummary';
import { summarise } from '../../../src/lib/roi/models/summary';

/**
 * WCAG 1.3.1 (axe's `definition-list` rule): a <dl> holds only <dt>/<dd> groups, optionally
 * each wrapped in one <div>; a figure's note is a second <dd>, never a <p> beside it.
 */
function dlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [, inner] of html.matchAll(/<dl[^>]*>([\s\S]*?)<\/dl>/g)) {
    // Strip the dt/dd elements (and what they hold); what is left must be <div> wrappers only.
    const left = inner!
      .replace(/<(dt|dd)\b[^>]*>[\s\S]*?<\/\1>/g, '')
      .replace(/<\/?div\b[^>]*>/g, '')
      .trim();
    if (left) problems.push(left.slice(0, 120));
  }
  return problems;
}

describe('ROI result panels are valid definition lists', () => {
  it('the results summary (NPV, ROI, payback, IRR)', () => {
    const html = renderToStaticMarkup(
      createElement(ResultSummary, {
        result: summarise([-100, 60, 70, 80], [0, 10, 10, 10], 0.08),
      }),
    );
    expect(html).toContain('<dl');
    expect(dlProblems(html)).toEqual([]);
    expect(html).toContain('kpi-note');
  });

  it('the Monte Carlo summary (P10, P50, P90, chance NPV > 0)', () => {
    const html = renderToStaticMarkup(
      createElement(MonteCarloResult, {
        summary: {
          trials: 1000,
          seed: 7,
          mean: 120_000,
          min: -40_000,
          max: 300_000,
          p10: 20_000,
          p50: 110_000,
          p90: 220_000,
          probabilityPositive: 0.93,
          histogram: [],
        },
      }),
    );
    expect(dlProblems(html)).toEqual([]);
  });
});
