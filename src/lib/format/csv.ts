/**
 * CSV per RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled,
 * lines end with CRLF. Cells that a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or carriage return) get a leading apostrophe, so an exported value typed by a
 * user cannot execute in Excel (OWASP "CSV injection"). Numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV download response with a safe file name. */
export function csvResponse(filename: string, body: string): Response {
  const safe = filename.replace(/[^a-z0-9._-]+/gi, '-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe}"`,
      'cache-control': 'no-store',
    },
  });
}
