import type { DbOrTx } from '../db';
import type { Job, NewJob } from '../schema';

export async function insertJob(db: DbOrTx, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(job)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Which jobs a lane takes: only these types, or every one but these. */
export type TypeFilter = { only: readonly string[] } | { except: readonly string[] };

export async function findDueJobIds(
  db: DbOrTx,
  nowIso: string,
  limit: number,
  types?: TypeFilter,
): Promise<string[]> {
  const rows = await db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
      ]),
    )
    .$if(!!types && 'only' in types, (q) =>
      q.where('type', 'in', (types as { only: string[] }).only),
    )
    .$if(!!types && 'except' in types, (q) =>
      q.where('type', 'not in', (types as { except: string[] }).except),
    )
    .orderBy('run_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Claims a job with a conditional update, so exactly one process runs it. */
export async function claimJob(
  db: DbOrTx,
  id: string,
  nowIso: string,
  lockedUntil: string,
): Promise<Job | undefined> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_until: lockedUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a running job's lease on while its handler is still working. */
export async function renewJobLease(db: DbOrTx, id: string, lockedUntil: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: lockedUntil })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishJob(
  db: DbOrTx,
  id: string,
  changes: {
    status: Job['status'];
    last_error?: string | null;
    run_at?: string;
    finished_at?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...changes, locked_until: null })
    .where('id', '=', id)
    .execute();
}

export async function deleteFinishedJobsBefore(db: DbOrTx, beforeIso: string): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', beforeIso)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
