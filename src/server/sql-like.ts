import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escapes LIKE's wildcards (`%`, `_`) and the escape character itself, so text matches as typed. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `text`, ignoring case, the same way on SQLite and PostgreSQL: both sides go
 * through SQL `lower()` (so text typed exactly as stored always matches), wildcards in the text
 * are escaped, and the ESCAPE character is named because SQLite's LIKE has none by default.
 * SQLite's `lower()` folds ASCII letters only, so `é` and `É` match each other on PostgreSQL
 * alone (https://www.sqlite.org/lang_corefunc.html#lower).
 */
export function containsInsensitive(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(text)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}
