import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BelievabilityNote } from '../../../src/components/roi/BelievabilityNote';
import {
  checkBelievability,
  isStillUnusual,
  PAYBACK_LIMIT_YEARS,
  ROI_LIMIT,
} from '../../../src/lib/roi/analysis/believability';
import { tornado } from '../../../src/lib/roi/analysis/sensitivity';
import { BENEFIT_LINES, getModel } from '../../../src/lib/roi/models';
import { getDefaultValues, getModelContext, getRanges } from '../../../src/server/content/roi';

const ctx = getModelContext();
const speed = getModel('speed-to-lead');
const ranges = getRanges('speed-to-lead');

function guard(values = getDefaultValues('speed-to-lead')) {
  const result = speed.evaluate(values, ctx);
  const sensitivity = tornado(speed, values, ctx, ranges);
  return {
    result,
    sensitivity,
    b: checkBelievability(
      speed,
      values,
      ctx,
      result,
      sensitivity,
      ranges,
      BENEFIT_LINES['speed-to-lead'],
    ),
  };
}

describe('the believability guard', () => {
  it.each([
    [ROI_LIMIT, 1, false],
    [ROI_LIMIT + 0.01, 1, true],
    [2, PAYBACK_LIMIT_YEARS, false],
    [2, PAYBACK_LIMIT_YEARS * 0.99, true],
    [2, 0, true],
    [null, null, false],
  ])('ROI %s and payback %s years: unusual = %s', (roi, paybackYears, expected) => {
    const { sensitivity } = guard();
    const b = checkBelievability(
      speed,
      getDefaultValues('speed-to-lead'),
      ctx,
      { roi, paybackYears },
      sensitivity,
      ranges,
      BENEFIT_LINES['speed-to-lead'],
    );
    expect(b.isUnusual).toBe(expected);
  });

  it('speed to lead at its defaults is unusual, says why and what drives it', () => {
    const { result, sensitivity, b } = guard();
    expect(result.roi!).toBeGreaterThan(ROI_LIMIT);
    expect(b.reasons[0]).toMatch(/^ROI of [\d,]+% is above 1,000%$/);
    expect(b.reasons[1]).toMatch(/^payback in \d+ days is under a month$/);
    // Drivers: the largest-swing inputs that are uncertain quantities, not the horizon.
    expect(b.drivers.map((d) => d.key)).not.toContain('horizonYears');
    const order = sensitivity.rows.map((r) => r.key);
    const positions = b.drivers.map((d) => order.indexOf(d.key));
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('the conservative case moves each driver to its unfavourable end and the risk up', () => {
    const { result, sensitivity, b } = guard();
    for (const c of b.changes) {
      const row = sensitivity.rows.find((r) => r.key === c.key);
      if (row) expect(c.to).toBe(row.npvLow <= row.npvHigh ? row.low : row.high);
      else expect(c).toMatchObject({ key: 'riskExtraWins', to: ranges.riskExtraWins!.high });
    }
    const conservative = { ...getDefaultValues('speed-to-lead') };
    for (const c of b.changes) conservative[c.key] = c.to;
    const after = speed.evaluate(conservative, ctx);
    expect(b.after).toEqual({ npv: after.npv, roi: after.roi, paybackYears: after.paybackYears });
    expect(after.npv).toBeLessThan(result.npv);
  });

  it('the conservative case never raises NPV', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 5000 }),
        fc.double({ min: 5000, max: 200_000, noNaN: true }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        (monthlyLeads, averageDealValue, winRate) => {
          const values = {
            ...getDefaultValues('speed-to-lead'),
            monthlyLeads,
            averageDealValue,
            winRate,
          };
          const { result, b } = guard(values);
          if (b.isUnusual && b.after) expect(b.after.npv).toBeLessThanOrEqual(result.npv + 1e-6);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('leaves ordinary cases alone: attrition at its defaults', () => {
    const attrition = getModel('attrition');
    const values = getDefaultValues('attrition');
    const r = attrition.evaluate(values, ctx);
    const b = checkBelievability(
      attrition,
      values,
      ctx,
      r,
      tornado(attrition, values, ctx, getRanges('attrition')),
      getRanges('attrition'),
      BENEFIT_LINES.attrition,
    );
    expect(b).toMatchObject({ isUnusual: false, changes: [], after: null });
    expect(renderToStaticMarkup(createElement(BelievabilityNote, { believability: b }))).toBe('');
  });

  it('shows the reasons, drivers and conservative case, with a button only where it can act', () => {
    const { b } = guard();
    const still = renderToStaticMarkup(createElement(BelievabilityNote, { believability: b }));
    expect(still).toContain('Unusually high:');
    expect(still).toContain('is above 1,000%');
    expect(still).toContain('They rest most on average first-year deal value ($12,000)');
    expect(still).not.toContain('<button');
    const live = renderToStaticMarkup(
      createElement(BelievabilityNote, { believability: b, onApply: () => {} }),
    );
    expect(live).toContain('Use conservative inputs');
    expect(isStillUnusual(b)).toBe(
      b.after!.roi! > ROI_LIMIT || b.after!.paybackYears! < PAYBACK_LIMIT_YEARS,
    );
  });
});
