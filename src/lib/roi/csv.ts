/**
 * A scenario as CSV: inputs (with units and sources), yearly cash flows and outputs, for a
 * finance team's spreadsheet. Numbers are written plainly (no currency signs or grouping) so
 * spreadsheets read them as numbers; text that a spreadsheet could run as a formula is
 * neutralised.
 */
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
  sources: Record<string, CsvSource | undefined>;
  result: ModelResult;
}

/** Quotes a cell when needed and defuses text starting like a formula (=, +, -, @). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function inputRows(x: ScenarioCsvInput): string[] {
  return x.fields.map((f) => {
    const value = x.values[f.key];
    const source = x.sources[f.key];
    const cite = source
      ? `${source.publisher} (${source.year})${source.url ? ` ${source.url}` : ''}`
      : '';
    if (f.kind === 'number' && typeof value === 'number') {
      const shown = f.unit === 'percent' ? round(value * 100, 6) : value;
      const unit = f.unit === 'percent' ? '%' : f.unit === 'currency' ? x.currency : f.unit;
      return row([f.key, f.label, shown, unit, cite]);
    }
    return row([
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
    return row([
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
    row(['Scenario', x.name]),
    row(['Model', `${x.modelTitle} (version ${x.modelVersion})`]),
    row(['Currency', x.currency]),
    row(['Exported', x.exportedAt]),
    '',
    row(['Inputs']),
    row(['Key', 'Input', 'Value', 'Unit', 'Source']),
    ...inputRows(x),
    '',
    row(['Yearly cash flows']),
    row(['Year', 'Benefits', 'Costs', 'Cash flow', 'Cumulative', 'Discounted cash flow']),
    ...cashflowRows(r),
    '',
    row(['Outputs']),
    row(['Net present value', round(r.npv)]),
    row(['Internal rate of return', r.irr === null ? 'none' : round(r.irr, 6)]),
    row(['Return on investment', r.roi === null ? 'none' : round(r.roi, 6)]),
    row([
      'Payback (years)',
      r.paybackYears === null ? 'not within horizon' : round(r.paybackYears, 4),
    ]),
    row([
      'Discounted payback (years)',
      r.discountedPaybackYears === null ? 'not within horizon' : round(r.discountedPaybackYears, 4),
    ]),
    row(['Present value of benefits', round(r.pvBenefits)]),
    row(['Present value of costs', round(r.pvCosts)]),
    row(['Discount rate', r.discountRate]),
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
