/**
 * `npm run db:migrate` applies pending migrations to DATABASE_URL;
 * `npm run db:migrate -- down` reverts the latest one, `-- reset` reverts all.
 */
import { loadConfig } from '../src/server/config';
import { createDatabase } from '../src/server/db';
import { migrateAllDown, migrateDown, migrateToLatest } from '../src/server/migrations';

const command = process.argv[2] ?? 'latest';
const db = createDatabase(loadConfig().databaseUrl);
try {
  const ran =
    command === 'down'
      ? await migrateDown(db)
      : command === 'reset'
        ? await migrateAllDown(db)
        : await migrateToLatest(db);
  console.log(ran.length ? ran.join('\n') : 'Nothing to do: the database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
