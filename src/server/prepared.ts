import { CompiledQuery, type Compilable } from 'kysely';
import type { Database } from './schema';
import { dialectOf, type DbOrTx, type DialectName } from './db';

/**
 * A query on a hot path (one per request), compiled once per database and then run with new
 * parameters. Building and compiling a Kysely query costs more than running it on SQLite, so
 * the session lookup skips that step. The builder is called with placeholder values, and the
 * values passed to `run` replace them in the same order.
 */
export function preparedQuery<Row, Params extends unknown[]>(
  build: (db: DbOrTx, ...params: Params) => Compilable<Row>,
  placeholders: Params,
) {
  // The SQL text depends only on the dialect, so one compilation serves every connection and
  // transaction of that dialect.
  const compiled = new Map<DialectName, string>();
  return {
    async run(db: DbOrTx, ...params: Params): Promise<Row[]> {
      const key = dialectOf(db);
      let text = compiled.get(key);
      if (text === undefined) {
        const query = build(db, ...placeholders).compile();
        if (query.parameters.length !== params.length) {
          throw new Error('preparedQuery: the builder must use exactly its parameters, in order');
        }
        text = query.sql;
        compiled.set(key, text);
      }
      const result = await db.executeQuery<Row>(CompiledQuery.raw(text, params));
      return result.rows;
    },
  };
}

const insertTexts = new Map<string, string>();

/**
 * A multi-row INSERT with its SQL compiled once per dialect, table and row count, then run
 * with new values: for hot paths that insert many rows (analytics events), where building the
 * query costs more than running it. Every row must have the given columns, in that order.
 */
export async function insertRowsPrepared<T extends Record<string, unknown>>(
  db: DbOrTx,
  table: keyof Database & string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  chunk = 100,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const key = `${dialectOf(db)}|${table}|${columns.join(',')}|${part.length}`;
    let text = insertTexts.get(key);
    if (text === undefined) {
      const sample = part.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
      text = db
        .insertInto(table)
        .values(sample as never)
        .compile().sql;
      insertTexts.set(key, text);
    }
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push(row[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
