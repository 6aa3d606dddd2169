/**
 * CSV as spreadsheets read it (RFC 4180): fields with commas, quotes or line breaks are quoted,
 * quotes doubled, lines end with CRLF. Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) gets a leading apostrophe, so a value typed by a user
 * such as "=HYPERLINK(…)" stays text (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection). Numbers are written as they are (a
 * negative number is not a formula); non-finite numbers become empty cells.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map(csvRow).join('\r\n') + '\r\n';
}
