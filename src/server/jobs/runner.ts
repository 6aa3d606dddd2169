import type { Db } from '../db';
import { deliverDueMail, type MailTransport } from '../mail/mailer';
import { enqueueJob, runDueJobs, type JobHandler } from './queue';

/** A task that should run about every `everyMs`, in one process at a time. */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run: JobHandler;
}

const handlers: Record<string, JobHandler> = {};
const periodic: PeriodicTask[] = [];

/** Registers what a job type does. Domains call this at module load. */
export function registerJobHandler(type: string, handler: JobHandler): void {
  handlers[type] = handler;
}

/** Registers a recurring task (deal expiry, reminders, retention…). */
export function registerPeriodicTask(task: PeriodicTask): void {
  if (periodic.some((t) => t.name === task.name)) return;
  periodic.push(task);
  handlers[`periodic:${task.name}`] = task.run;
}

export function jobHandlers(): Record<string, JobHandler> {
  return handlers;
}

/**
 * Schedules each periodic task once per time bucket. Every process tries; the dedupe key
 * lets exactly one insert win, so two servers never run the same round twice.
 */
export async function schedulePeriodicTasks(db: Db, now: Date = new Date()): Promise<void> {
  for (const task of periodic) {
    const bucket = Math.floor(now.getTime() / task.everyMs);
    await enqueueJob(
      db,
      `periodic:${task.name}`,
      null,
      { dedupeKey: `periodic:${task.name}:${bucket}`, maxAttempts: 1 },
      now,
    );
  }
}

/** Campaign and other bulk e-mail: everything else in the outbox is transactional. */
export const BULK_MAIL_CATEGORIES = ['campaign'] as const;
/** Jobs that call partners' servers (seconds each), kept apart from quick internal jobs. */
export const WEBHOOK_JOB_TYPES = ['webhook:deliver'] as const;

/**
 * Background work runs in lanes, each its own loop, so a slow lane never holds another up: a
 * stalled SMTP server delays campaign mail but not a password reset, and ten slow webhook
 * endpoints do not delay deal expiry. Transactional mail (password resets, invitations, lead
 * notices) has the shortest interval.
 */
export interface Lane {
  name: string;
  intervalMs: number;
  run(db: Db, transport: MailTransport | null, now: Date): Promise<unknown>;
}

export const LANES: readonly Lane[] = [
  {
    name: 'mail:transactional',
    intervalMs: 1000,
    run: (db, transport, now) =>
      deliverDueMail(db, transport, now, 25, { categories: { except: BULK_MAIL_CATEGORIES } }),
  },
  {
    name: 'mail:campaign',
    intervalMs: 5000,
    run: (db, transport, now) =>
      deliverDueMail(db, transport, now, 25, { categories: { only: BULK_MAIL_CATEGORIES } }),
  },
  {
    name: 'webhooks',
    intervalMs: 2000,
    run: (db, _transport, now) => runDueJobs(db, handlers, now, 20, { only: WEBHOOK_JOB_TYPES }),
  },
  {
    name: 'jobs',
    intervalMs: 2000,
    run: async (db, _transport, now) => {
      await schedulePeriodicTasks(db, now);
      await runDueJobs(db, handlers, now, 20, { except: WEBHOOK_JOB_TYPES });
    },
  },
];

/** One pass of every lane, one after the other (tests and scripts; the runner overlaps them). */
export async function tick(
  db: Db,
  transport: MailTransport | null,
  now: Date = new Date(),
): Promise<void> {
  for (const lane of LANES) await lane.run(db, transport, now);
}

/**
 * Starts the in-process runner: one loop per lane, each skipping a beat while its previous
 * pass still runs. State lives in the database, so it survives restarts and can run in several
 * processes at once. Returns a function that stops it.
 */
export function startJobRunner(db: Db, transport: MailTransport | null): () => void {
  let stopped = false;
  const timers = LANES.map((lane) => {
    let running = false;
    const timer = setInterval(() => {
      if (running || stopped) return;
      running = true;
      lane
        .run(db, transport, new Date())
        .catch((error: unknown) => console.error(`[jobs] ${lane.name} pass failed:`, error))
        .finally(() => {
          running = false;
        });
    }, lane.intervalMs);
    timer.unref();
    return timer;
  });
  return () => {
    stopped = true;
    for (const timer of timers) clearInterval(timer);
  };
}
