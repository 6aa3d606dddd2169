import { parse } from 'csv-parse/sync';
import { baseUrl } from '../http';

/** Header and rows of one dashboard table, parsed strictly (RFC 4180, equal column counts). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export async function fetchCsv(
  cookie: string,
  view: string,
  query: Record<string, string>,
): Promise<CsvTable> {
  const url = `${baseUrl()}/analytics/export/${view}.csv?${new URLSearchParams(query)}`;
  const response = await fetch(url, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  if (!text.endsWith('\r\n')) throw new Error(`${url}: the CSV does not end with CRLF`);
  const records = parse(text, {
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    bom: false,
  }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error(`${url}: empty CSV`);
  return { header, rows };
}

/** An expected cell: a number (exact, or within `tolerance`), a text, or null (empty cell). */
export type Expected = number | string | null | { approx: number | null; tolerance: number };

export function cellMatches(actual: string, expected: Expected): boolean {
  if (expected === null) return actual === '';
  if (typeof expected === 'number') return actual === String(expected);
  if (typeof expected === 'string') return actual === expected;
  if (expected.approx === null) return actual === '';
  return actual !== '' && Math.abs(Number(actual) - expected.approx) <= expected.tolerance;
}

export const show = (e: Expected) =>
  e !== null && typeof e === 'object' ? `≈${e.approx}` : JSON.stringify(e);
