import { newId } from '../../lib/ids';
import { addMs, isoNow, MINUTE } from '../../lib/time';
import type { DbOrTx } from '../db';
import { passClock, whileRenewing } from './lease';
import * as repo from './repository';

/** What a job type does with its payload. Throwing schedules a retry. */
export type JobHandler = (db: DbOrTx, payload: unknown, now: Date) => Promise<void>;

export interface EnqueueOptions {
  runAt?: string;
  /** Only one job with this key is ever stored (repeat calls are no-ops). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Schedules a job. Call it inside the transaction that makes the job necessary. */
export async function enqueueJob(
  db: DbOrTx,
  type: string,
  payload: unknown,
  options: EnqueueOptions = {},
  now: Date = new Date(),
): Promise<boolean> {
  return repo.insertJob(db, {
    id: newId(now.getTime()),
    type,
    payload: JSON.stringify(payload ?? null),
    status: 'queued',
    run_at: options.runAt ?? isoNow(now),
    max_attempts: options.maxAttempts ?? 5,
    locked_until: null,
    last_error: null,
    dedupe_key: options.dedupeKey ?? null,
    created_at: isoNow(now),
    finished_at: null,
  });
}

/** A job's claim lasts this long from when it is taken, renewed every RENEW_MS while it runs. */
const LEASE_MS = 5 * MINUTE;
const RENEW_MS = MINUTE;

/**
 * Runs due jobs once. A job is claimed by a conditional update (one process wins), retried
 * with exponential backoff when its handler throws, and marked `failed` after max attempts.
 * A process that dies mid-job leaves a lease that expires, and another process picks it up.
 */
export async function runDueJobs(
  db: DbOrTx,
  handlers: Record<string, JobHandler>,
  now: Date = new Date(),
  batchSize = 20,
  types?: repo.TypeFilter,
): Promise<{ done: number; failed: number }> {
  const clock = passClock(now);
  let done = 0;
  let failed = 0;
  for (const id of await repo.findDueJobIds(db, isoNow(now), batchSize, types)) {
    // Each job is claimed, and runs, at its own time: a webhook signed at the moment it is
    // sent, a lease that starts at the claim however long the jobs before it took.
    const claimedAt = clock();
    const nowIso = isoNow(claimedAt);
    const job = await repo.claimJob(db, id, nowIso, addMs(nowIso, LEASE_MS));
    if (!job) continue;
    const handler = handlers[job.type];
    try {
      if (!handler) throw new Error(`No handler for job type "${job.type}"`);
      await whileRenewing(
        Promise.resolve(handler(db, JSON.parse(job.payload), claimedAt)),
        () => repo.renewJobLease(db, id, addMs(isoNow(clock()), LEASE_MS)),
        RENEW_MS,
      );
      await repo.finishJob(db, id, { status: 'done', finished_at: isoNow() });
      done++;
    } catch (error) {
      failed++;
      const isFinal = job.attempts >= job.max_attempts;
      await repo.finishJob(db, id, {
        status: isFinal ? 'failed' : 'queued',
        last_error: String(error instanceof Error ? error.message : error).slice(0, 1000),
        run_at: addMs(nowIso, 2 ** (job.attempts - 1) * 30_000),
        finished_at: isFinal ? isoNow() : null,
      });
    }
  }
  return { done, failed };
}
