import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ScenarioReport from '../../../src/components/roi/ScenarioReport';
import { TornadoPanel } from '../../../src/components/roi/TornadoPanel';
import { tornado } from '../../../src/lib/roi/analysis/sensitivity';
import { getModel } from '../../../src/lib/roi/models';
import {
  getBenchmarks,
  getDefaultValues,
  getModelContext,
  getRanges,
  listMarkets,
} from '../../../src/server/content/roi';

describe('the tornado shows break-evens', () => {
  const t = tornado(
    getModel('attrition'),
    getDefaultValues('attrition'),
    getModelContext(),
    getRanges('attrition'),
  );
  const html = renderToStaticMarkup(createElement(TornadoPanel, { data: t }));

  it('in its table, its sentences and as markers on the bars that cross zero', () => {
    expect(html).toContain('Break-even (NPV = 0)');
    expect(html).toContain('Where NPV reaches zero');
    // Every top row has a sentence; rows past the top say why they have none.
    const sentences = [...html.matchAll(/<li>(NPV [^<]*)<\/li>/g)].map((m) => m[1]);
    expect(sentences.length).toBe(t.rows.filter((r) => r.breakEven).length);
    expect(html).toContain('top 5 inputs only');
    const crossing = t.rows.filter(
      (r) => r.breakEven?.kind === 'found' && r.breakEven.isWithinTestedRange,
    );
    expect(crossing.length).toBeGreaterThan(0);
    expect(html.match(/class="break-even"/g)?.length).toBe(crossing.length);
  });
});

describe('the scenario report shows break-evens in its inputs table', () => {
  it.each(['attrition', 'speed-to-lead', 'market-sizing'] as const)('%s', (id) => {
    const model = getModel(id);
    const ctx = getModelContext();
    const values = getDefaultValues(id);
    const html = renderToStaticMarkup(
      createElement(ScenarioReport, {
        fields: model.fields(ctx),
        values,
        result: model.evaluate(values, ctx),
        benchmarks: getBenchmarks(id),
        markets: listMarkets(),
      }),
    );
    expect(html).toContain('<th scope="col">Break-even (NPV = 0)</th>');
    const cells = [
      ...html.matchAll(/<td class="small">((?:falls|rises) to [^<]*|none in range[^<]*)<\/td>/g),
    ];
    const expected = tornado(model, values, ctx, getRanges(id)).rows.filter((r) => r.breakEven);
    expect(cells.length).toBe(expected.length);
  });
});
