import { sql } from 'kysely';
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

/** Where a lane's work lives: the same four figures are read from the outbox and the jobs table. */
interface LaneSource {
  lane: string;
  table: 'outbox' | 'jobs';
  kindColumn: 'category' | 'type';
  kinds: readonly string[];
  /** The lane takes these kinds (true) or every other kind (false). */
  takesKinds: boolean;
  dueStatus: string;
  dueAt: 'send_after' | 'run_at';
  runningStatus: string;
  failedAt: 'created_at' | 'finished_at';
}

const SOURCES: readonly LaneSource[] = [
  {
    lane: 'mail:transactional',
    table: 'outbox',
    kindColumn: 'category',
    kinds: BULK_MAIL_CATEGORIES,
    takesKinds: false,
    dueStatus: 'pending',
    dueAt: 'send_after',
    runningStatus: 'sending',
    failedAt: 'created_at',
  },
  {
    lane: 'mail:campaign',
    table: 'outbox',
    kindColumn: 'category',
    kinds: BULK_MAIL_CATEGORIES,
    takesKinds: true,
    dueStatus: 'pending',
    dueAt: 'send_after',
    runningStatus: 'sending',
    failedAt: 'created_at',
  },
  {
    lane: 'webhooks',
    table: 'jobs',
    kindColumn: 'type',
    kinds: WEBHOOK_JOB_TYPES,
    takesKinds: true,
    dueStatus: 'queued',
    dueAt: 'run_at',
    runningStatus: 'running',
    failedAt: 'finished_at',
  },
  {
    lane: 'jobs',
    table: 'jobs',
    kindColumn: 'type',
    kinds: WEBHOOK_JOB_TYPES,
    takesKinds: false,
    dueStatus: 'queued',
    dueAt: 'run_at',
    runningStatus: 'running',
    failedAt: 'finished_at',
  },
];

/** One query per lane: due, running and recently failed counts and the oldest due time. */
async function laneReport(db: DbOrTx, source: LaneSource, now: Date): Promise<LaneReport> {
  const nowIso = now.toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const dueAt = sql.ref(source.dueAt);
  const isDue = sql`status = ${source.dueStatus} and ${dueAt} <= ${nowIso}`;
  const { rows } = await sql<{
    due: number | string | null;
    oldest: string | null;
    running: number | string | null;
    failed: number | string | null;
  }>`select
      sum(case when ${isDue} then 1 else 0 end) as due,
      min(case when ${isDue} then ${dueAt} end) as oldest,
      sum(case when status = ${source.runningStatus} then 1 else 0 end) as running,
      sum(case when status = 'failed' and ${sql.ref(source.failedAt)} >= ${dayAgo} then 1 else 0 end) as failed
    from ${sql.table(source.table)}
    where status in (${source.dueStatus}, ${source.runningStatus}, 'failed')
      and ${sql.ref(source.kindColumn)} ${source.takesKinds ? sql`in` : sql`not in`} (${sql.join([...source.kinds])})`.execute(
    db,
  );
  const row = rows[0];
  return {
    lane: source.lane,
    due: Number(row?.due ?? 0),
    running: Number(row?.running ?? 0),
    failed: Number(row?.failed ?? 0),
    oldestDueSeconds: seconds(row?.oldest, now),
  };
}

/** Every lane's backlog (the same lanes the runner has: src/server/jobs/runner.ts). */
export async function laneReports(db: DbOrTx, now: Date = new Date()): Promise<LaneReport[]> {
  return Promise.all(SOURCES.map((source) => laneReport(db, source, now)));
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
