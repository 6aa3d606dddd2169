import type { CsvValue } from '../format/csv';

/**
 * A table shown under a chart and offered as CSV. Values are raw (numbers stay numbers);
 * `format` turns them into text for the page only.
 */
export interface ReportColumn {
  key: string;
  label: string;
  isNumeric?: boolean;
  format?: (value: CsvValue) => string;
}

export interface ReportTable {
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, CsvValue>[];
}

export function tableToCsvRows(table: ReportTable): { header: string[]; rows: CsvValue[][] } {
  return {
    header: table.columns.map((c) => c.label),
    rows: table.rows.map((row) => table.columns.map((c) => row[c.key])),
  };
}
