import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/lib/format/csv';
import { csvFileName, scenarioCsv } from '../../../src/lib/roi/csv';
import { getModel } from '../../../src/lib/roi/models';
import { getDefaultValues, getModelContext } from '../../../src/server/content/roi';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
  ])('cell %j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers plainly and drops non-finite ones', () => {
    expect(csvCell(-1234.5)).toBe('-1234.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('has inputs, yearly cash flows and outputs', () => {
    const model = getModel('attrition');
    const ctx = getModelContext();
    const values = getDefaultValues('attrition');
    const csv = scenarioCsv({
      name: '=cmd',
      modelTitle: model.title,
      modelVersion: 1,
      currency: 'USD',
      exportedAt: '2026-11-24T00:00:00.000Z',
      fields: model.fields(ctx),
      values,
      benchmarks: {},
      result: model.evaluate(values, ctx),
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe("Scenario,'=cmd");
    expect(lines).toContain('agents,Agents,500,count,');
    expect(lines).toContain('currentAttritionRate,Current attrition per year,35,%,');
    expect(lines).toContain('Year,Benefits,Costs,Cash flow,Cumulative,Discounted cash flow');
    expect(lines).toContain('0,0,100000,-100000,-100000,-100000');
    expect(csv).toMatch(/\r\nNet present value,\d+(\.\d+)?\r\n/);
    expect(csvFileName('Board case: Q3 / 2027!')).toBe('board-case-q3-2027.csv');
    expect(csvFileName('***')).toBe('scenario.csv');
  });
});
