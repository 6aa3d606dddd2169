export interface TableData {
  columns: string[];
  rows: (string | number)[][];
  /** Columns to right-align (numbers); by default every column after the first. */
  numeric?: boolean[];
}

/** A plain, accessible table: header cells with scope, first column as row headers. */
export function DataTable({ data, caption }: { data: TableData; caption?: string }) {
  const isNumeric = (i: number) => data.numeric?.[i] ?? i > 0;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption ?? 'Data'}>
      <table>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {data.columns.map((c, i) => (
              <th key={c} scope="col" className={isNumeric(i) ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={isNumeric(i) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
