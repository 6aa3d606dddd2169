/**
 * A scenario as CSV: inputs (with units and sources), yearly cash flows and outputs, for a
 * finance team's spreadsheet, in one rectangular table (see SCENARIO_CSV_COLUMNS). Numbers are written plainly (no currency signs or grouping) so
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

/**
 * The one table's columns. Every row has all of them, so strict CSV readers (and a spreadsheet's
 * filter) take the file as it is: `section` says what a row is, `value` is always a plain number
 * or empty, and `text` holds what is not a number ("yes", "none", the scenario's name).
 */
export const SCENARIO_CSV_COLUMNS = [
  'section',
  'key',
  'label',
  'year',
  'value',
  'text',
  'unit',
  'source',
] as const;

type Row = [
  section: 'scenario' | 'input' | 'cashflow' | 'output',
  key: string,
  label: string,
  year: number | '',
  value: number | '',
  text: string,
  unit: string,
  source: string,
];

function inputRows(x: ScenarioCsvInput): Row[] {
  return x.fields.map((f) => {
    const value = x.values[f.key];
    const source = x.benchmarks[f.key]?.sources[0];
    const cite = source
      ? `${source.publisher} (${source.year})${source.url ? ` ${source.url}` : ''}`
      : '';
    if (f.kind === 'number' && typeof value === 'number') {
      const shown = f.unit === 'percent' ? round(value * 100, 6) : value;
      const unit = f.unit === 'percent' ? '%' : f.unit === 'currency' ? x.currency : f.unit;
      return ['input', f.key, f.label, '', shown, '', unit, cite];
    }
    const text = f.kind === 'toggle' ? (value === 1 ? 'yes' : 'no') : String(value ?? '');
    return ['input', f.key, f.label, '', '', text, '', cite];
  });
}

const CASHFLOW_SERIES = [
  ['benefits', 'Benefits'],
  ['costs', 'Costs'],
  ['cash_flow', 'Cash flow'],
  ['cumulative', 'Cumulative cash flow'],
  ['discounted', 'Discounted cash flow'],
] as const;

function cashflowRows(r: ModelResult, currency: string): Row[] {
  let cumulative = 0;
  return r.cashflows.flatMap((cf, year) => {
    cumulative += cf;
    const values = {
      benefits: r.benefits[year] ?? 0,
      costs: r.costs[year] ?? 0,
      cash_flow: cf,
      cumulative,
      discounted: cf / (1 + r.discountRate) ** year,
    };
    return CASHFLOW_SERIES.map(([key, label]): Row => [
      'cashflow',
      key,
      label,
      year,
      round(values[key]),
      '',
      currency,
      '',
    ]);
  });
}

/** A number, or the words for its absence in the text column. */
function outputRow(
  key: string,
  label: string,
  value: number | null,
  unit: string,
  whenNone: string,
): Row {
  return value === null
    ? ['output', key, label, '', '', whenNone, unit, '']
    : ['output', key, label, '', value, '', unit, ''];
}

export function scenarioCsv(x: ScenarioCsvInput): string {
  const r = x.result;
  const percent = (v: number | null) => (v === null ? null : round(v * 100, 4));
  const rows: Row[] = [
    ['scenario', 'name', 'Scenario', '', '', x.name, '', ''],
    ['scenario', 'model', 'Model', '', x.modelVersion, x.modelTitle, 'version', ''],
    ['scenario', 'currency', 'Currency', '', '', x.currency, '', ''],
    ['scenario', 'exported_at', 'Exported', '', '', x.exportedAt, '', ''],
    ...inputRows(x),
    ...cashflowRows(r, x.currency),
    outputRow('npv', 'Net present value', round(r.npv), x.currency, ''),
    outputRow('irr', 'Internal rate of return', percent(r.irr), '%', 'none'),
    outputRow('roi', 'Return on investment', percent(r.roi), '%', 'none'),
    outputRow(
      'payback_years',
      'Payback',
      r.paybackYears === null ? null : round(r.paybackYears, 4),
      'years',
      'not within horizon',
    ),
    outputRow(
      'discounted_payback_years',
      'Discounted payback',
      r.discountedPaybackYears === null ? null : round(r.discountedPaybackYears, 4),
      'years',
      'not within horizon',
    ),
    outputRow('pv_benefits', 'Present value of benefits', round(r.pvBenefits), x.currency, ''),
    outputRow('pv_costs', 'Present value of costs', round(r.pvCosts), x.currency, ''),
    outputRow('discount_rate', 'Discount rate', round(r.discountRate * 100, 4), '%', ''),
  ];
  const lines = [csvRow(SCENARIO_CSV_COLUMNS), ...rows.map((row) => csvRow(row))];
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
