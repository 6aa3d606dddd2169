import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { migrations } from '../../db/migrations/index';
import { dialectOf, type Db } from './db';

/**
 * Kysely's migrator looks for its own tables in every schema it can see; on PostgreSQL we pin
 * them to the connection's current schema, so databases that share a server (one schema per
 * test file, say) never mistake each other's migration state for their own.
 */
async function migratorFor(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`Migration failed${where}: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/** Applies every pending migration; returns what ran. Safe to call on every start. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateToLatest());
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateDown());
}

/** Reverts every migration, newest first. */
export async function migrateAllDown(db: Db): Promise<string[]> {
  const ran: string[] = [];
  for (let i = 0; i < Object.keys(migrations).length; i++) {
    const step = await migrateDown(db);
    if (step.length === 0) break;
    ran.push(...step);
  }
  return ran;
}
