import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/lib/format/csv';
import { parse } from 'csv-parse/sync';
import { csvFileName, SCENARIO_CSV_COLUMNS, scenarioCsv } from '../../../src/lib/roi/csv';
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

  it('is one rectangular table a strict CSV parser reads, with typed columns', () => {
    const model = getModel('attrition');
    const ctx = getModelContext();
    const values = getDefaultValues('attrition');
    const result = model.evaluate(values, ctx);
    const csv = scenarioCsv({
      name: '=cmd',
      modelTitle: model.title,
      modelVersion: 1,
      currency: 'USD',
      exportedAt: '2026-11-24T00:00:00.000Z',
      fields: model.fields(ctx),
      values,
      benchmarks: {},
      result,
    });
    // csv-parse refuses a row whose column count differs from the header's.
    const rows = parse(csv, {
      columns: true,
      skip_empty_lines: false,
      record_delimiter: '\r\n',
    }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...SCENARIO_CSV_COLUMNS]);
    for (const row of rows) {
      expect(['scenario', 'input', 'cashflow', 'output']).toContain(row.section);
      if (row.value !== '')
        expect(Number.isFinite(Number(row.value)), JSON.stringify(row)).toBe(true);
      if (row.year !== '') expect(Number.isInteger(Number(row.year))).toBe(true);
    }
    const find = (section: string, key: string, year = '') =>
      rows.find((r) => r.section === section && r.key === key && r.year === year);
    // A formula-looking name is neutralised, in the text column.
    expect(find('scenario', 'name')?.text).toBe("'=cmd");
    expect(find('input', 'agents')).toMatchObject({ value: '500', unit: 'count' });
    expect(find('input', 'currentAttritionRate')).toMatchObject({ value: '35', unit: '%' });

    // Ground truth kept apart from the model: the NPV is the discounted sum of the file's own
    // yearly cash flows, and the cumulative column is their running total.
    const flows = rows.filter((r) => r.section === 'cashflow' && r.key === 'cash_flow');
    expect(flows).toHaveLength(result.cashflows.length);
    const rate = Number(find('output', 'discount_rate')!.value) / 100;
    const npv = flows.reduce((sum, r) => sum + Number(r.value) / (1 + rate) ** Number(r.year), 0);
    expect(Number(find('output', 'npv')!.value)).toBeCloseTo(npv, -1);
    let running = 0;
    for (const flow of flows) {
      running += Number(flow.value);
      expect(Number(find('cashflow', 'cumulative', flow.year)!.value)).toBeCloseTo(running, 1);
    }
    expect(csvFileName('Board case: Q3 / 2027!')).toBe('board-case-q3-2027.csv');
    expect(csvFileName('***')).toBe('scenario.csv');
  });
});
