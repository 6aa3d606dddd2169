import type { DbOrTx } from '../db';
import { BULK_MAIL_CATEGORIES, WEBHOOK_JOB_TYPES } from './runner';

export interface LaneReport {
  lane: string;
  /** Due now and not taken. */
  due: number;
  /** Taken and not finished (its lease may have run out if its process died). */
  running: number;
  /** Given up on in the last 24 hours. */
  failed: number;
  /** How long the oldest due item has waited, in seconds (0 when nothing is due). */
  oldestDueSeconds: number;
}

export interface QueueFailure {
  lane: string;
  id: string;
  what: string;
  error: string | null;
  at: string | null;
}

const DAY_MS = 86_400_000;
const seconds = (oldest: string | null | undefined, now: Date) =>
  oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000)) : 0;

async function mailLane(db: DbOrTx, lane: string, bulk: boolean, now: Date): Promise<LaneReport> {
  const nowIso = now.toISOString();
  const base = () =>
    db.selectFrom('outbox').where('category', bulk ? 'in' : 'not in', [...BULK_MAIL_CATEGORIES]);
  const [due, running, failed] = await Promise.all([
    base()
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.min<string>('send_after').as('oldest'),
      ])
      .where('status', '=', 'pending')
      .where('send_after', '<=', nowIso)
      .executeTakeFirst(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sending')
      .executeTakeFirst(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'failed')
      .where('created_at', '>=', new Date(now.getTime() - DAY_MS).toISOString())
      .executeTakeFirst(),
  ]);
  return {
    lane,
    due: Number(due?.n ?? 0),
    running: Number(running?.n ?? 0),
    failed: Number(failed?.n ?? 0),
    oldestDueSeconds: seconds(due?.oldest, now),
  };
}

async function jobLane(
  db: DbOrTx,
  lane: string,
  webhooks: boolean,
  now: Date,
): Promise<LaneReport> {
  const nowIso = now.toISOString();
  const base = () =>
    db.selectFrom('jobs').where('type', webhooks ? 'in' : 'not in', [...WEBHOOK_JOB_TYPES]);
  const [due, running, failed] = await Promise.all([
    base()
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.min<string>('run_at').as('oldest'),
      ])
      .where('status', '=', 'queued')
      .where('run_at', '<=', nowIso)
      .executeTakeFirst(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'running')
      .executeTakeFirst(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'failed')
      .where('finished_at', '>=', new Date(now.getTime() - DAY_MS).toISOString())
      .executeTakeFirst(),
  ]);
  return {
    lane,
    due: Number(due?.n ?? 0),
    running: Number(running?.n ?? 0),
    failed: Number(failed?.n ?? 0),
    oldestDueSeconds: seconds(due?.oldest, now),
  };
}

/** Every lane's backlog (the same lanes the runner has: src/server/jobs/runner.ts). */
export async function laneReports(db: DbOrTx, now: Date = new Date()): Promise<LaneReport[]> {
  return Promise.all([
    mailLane(db, 'mail:transactional', false, now),
    mailLane(db, 'mail:campaign', true, now),
    jobLane(db, 'webhooks', true, now),
    jobLane(db, 'jobs', false, now),
  ]);
}

/** The latest give-ups across the lanes, newest first. */
export async function recentFailures(db: DbOrTx, limit = 20): Promise<QueueFailure[]> {
  const [mail, jobs] = await Promise.all([
    db
      .selectFrom('outbox')
      .select(['id', 'category', 'to_address', 'last_error', 'created_at'])
      .where('status', '=', 'failed')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('jobs')
      .select(['id', 'type', 'last_error', 'finished_at'])
      .where('status', '=', 'failed')
      .orderBy('finished_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const all: QueueFailure[] = [
    ...mail.map((m) => ({
      lane: (BULK_MAIL_CATEGORIES as readonly string[]).includes(m.category)
        ? 'mail:campaign'
        : 'mail:transactional',
      id: m.id,
      what: `${m.category} to ${m.to_address}`,
      error: m.last_error,
      at: m.created_at,
    })),
    ...jobs.map((j) => ({
      lane: (WEBHOOK_JOB_TYPES as readonly string[]).includes(j.type) ? 'webhooks' : 'jobs',
      id: j.id,
      what: j.type,
      error: j.last_error,
      at: j.finished_at,
    })),
  ];
  return all.sort((a, b) => ((a.at ?? '') < (b.at ?? '') ? 1 : -1)).slice(0, limit);
}
