import { CompiledQuery, type Compilable } from 'kysely';
import type { DbOrTx } from './db';

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
  const compiled = new WeakMap<object, string>();
  return {
    async run(db: DbOrTx, ...params: Params): Promise<Row[]> {
      const executor = db.getExecutor();
      let text = compiled.get(executor);
      if (text === undefined) {
        const query = build(db, ...placeholders).compile();
        if (query.parameters.length !== params.length) {
          throw new Error('preparedQuery: the builder must use exactly its parameters, in order');
        }
        text = query.sql;
        compiled.set(executor, text);
      }
      const result = await db.executeQuery<Row>(CompiledQuery.raw(text, params));
      return result.rows;
    },
  };
}
