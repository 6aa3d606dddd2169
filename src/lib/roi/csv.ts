/**
 * A scenario as CSV: inputs (with units and sources), yearly cash flows and outputs, for a
 * finance team's spreadsheet. Numbers are written plainly (no currency signs or grouping) so
 * spreadsheets read them as numbers; text that a spreadsheet could run as a formula is
 * neutralised.
 */
import { csvRow } from '../format/csv';
import type { Field, InputValues } from './fields';
import type { ModelResult } from './models';

export interface CsvSource {
  publisher: string;
  year: number | string;
  url?: string | undefined;
}

export interface ScenarioCsvInput {
  name: string;
  modelTitle: string;
  modelVersion: number;
  currency: string;
  exportedAt: string;
  fields: readonly Field[];
  values: InputValues;
  /** Each input's sourced default; the first source is cited. */
  benchmarks: Record<string, { sources: readonly CsvSource[] } | undefined>;
  result: ModelResult;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function inputRows(x: ScenarioCsvInput): string[] {
  return x.fields.map((f) => {
    const value = x.values[f.key];
    const source = x.benchmarks[f.key]?.sources[0];
    const cite = source
      ? `${source.publisher} (${source.year})${source.url ? ` ${source.url}` : ''}`
      : '';
    if (f.kind === 'number' && typeof value === 'number') {
      const shown = f.unit === 'percent' ? round(value * 100, 6) : value;
      const unit = f.unit === 'percent' ? '%' : f.unit === 'currency' ? x.currency : f.unit;
      return csvRow([f.key, f.label, shown, unit, cite]);
    }
    return csvRow([
      f.key,
      f.label,
      f.kind === 'toggle' ? (value === 1 ? 'yes' : 'no') : String(value ?? ''),
      '',
      cite,
    ]);
  });
}

function cashflowRows(r: ModelResult): string[] {
  let cumulative = 0;
  return r.cashflows.map((cf, year) => {
    cumulative += cf;
    const discounted = cf / (1 + r.discountRate) ** year;
    return csvRow([
      year,
      round(r.benefits[year] ?? 0),
      round(r.costs[year] ?? 0),
      round(cf),
      round(cumulative),
      round(discounted),
    ]);
  });
}

export function scenarioCsv(x: ScenarioCsvInput): string {
  const r = x.result;
  const lines = [
    csvRow(['Scenario', x.name]),
    csvRow(['Model', `${x.modelTitle} (version ${x.modelVersion})`]),
    csvRow(['Currency', x.currency]),
    csvRow(['Exported', x.exportedAt]),
    '',
    csvRow(['Inputs']),
    csvRow(['Key', 'Input', 'Value', 'Unit', 'Source']),
    ...inputRows(x),
    '',
    csvRow(['Yearly cash flows']),
    csvRow(['Year', 'Benefits', 'Costs', 'Cash flow', 'Cumulative', 'Discounted cash flow']),
    ...cashflowRows(r),
    '',
    csvRow(['Outputs']),
    csvRow(['Net present value', round(r.npv)]),
    csvRow(['Internal rate of return', r.irr === null ? 'none' : round(r.irr, 6)]),
    csvRow(['Return on investment', r.roi === null ? 'none' : round(r.roi, 6)]),
    csvRow([
      'Payback (years)',
      r.paybackYears === null ? 'not within horizon' : round(r.paybackYears, 4),
    ]),
    csvRow([
      'Discounted payback (years)',
      r.discountedPaybackYears === null ? 'not within horizon' : round(r.discountedPaybackYears, 4),
    ]),
    csvRow(['Present value of benefits', round(r.pvBenefits)]),
    csvRow(['Present value of costs', round(r.pvCosts)]),
    csvRow(['Discount rate', r.discountRate]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name from a scenario name: letters, digits and hyphens. */
export function csvFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.csv`;
}
