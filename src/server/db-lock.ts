import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Db } from './db';

/**
 * A named lock held in the database itself, on both dialects: a row in `process_locks` with a
 * lease. Used so that any number of processes starting together on one database migrate and
 * seed the demo data exactly once: the first takes the lock, the others wait for it and then
 * find the work done. A process that dies holding it frees it when the lease runs out.
 */
const LEASE_MS = 60_000;
const POLL_MS = 200;

async function ensureLockTable(db: Db): Promise<void> {
  // Before migrations, which it guards: so it cannot be a migration itself.
  await sql`create table if not exists process_locks (
    name text primary key,
    holder text not null,
    locked_until text not null
  )`.execute(db);
}

async function tryTake(db: Db, name: string, holder: string): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const inserted = await sql`insert into process_locks (name, holder, locked_until)
    values (${name}, ${holder}, ${until}) on conflict (name) do nothing`.execute(db);
  if (Number(inserted.numAffectedRows ?? 0) > 0) return true;
  // Taken: ours only if its lease has run out (its holder died).
  const taken = await sql`update process_locks set holder = ${holder}, locked_until = ${until}
    where name = ${name} and locked_until < ${now.toISOString()}`.execute(db);
  return Number(taken.numAffectedRows ?? 0) > 0;
}

/** Runs `work` holding the named lock, waiting (up to `waitMs`) for another holder to finish. */
export async function withDatabaseLock<T>(
  db: Db,
  name: string,
  work: () => Promise<T>,
  waitMs = 5 * 60_000,
): Promise<T> {
  await ensureLockTable(db);
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  while (!(await tryTake(db, name, holder))) {
    if (Date.now() > deadline) throw new Error(`Waited too long for the database lock "${name}".`);
    await new Promise((wait) => setTimeout(wait, POLL_MS));
  }
  const renew = setInterval(() => {
    const until = new Date(Date.now() + LEASE_MS).toISOString();
    sql`update process_locks set locked_until = ${until} where name = ${name} and holder = ${holder}`
      .execute(db)
      .catch(() => undefined);
  }, LEASE_MS / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await sql`delete from process_locks where name = ${name} and holder = ${holder}`.execute(db);
  }
}
