import { inject } from 'vitest';
import { createDatabase, type Db } from '../../src/server/db';

let shared: Db | undefined;

/** A second connection to the database of the server under test, to check what it stored. */
export function serverDb(): Db {
  shared ??= createDatabase(inject('serverDatabaseUrl'));
  return shared;
}
