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

/** One pass of background work: periodic scheduling, due jobs, due e-mail. */
export async function tick(
  db: Db,
  transport: MailTransport | null,
  now: Date = new Date(),
): Promise<void> {
  await schedulePeriodicTasks(db, now);
  await runDueJobs(db, handlers, now);
  await deliverDueMail(db, transport, now);
}

/**
 * Starts the in-process runner. State lives in the database, so it survives restarts and can
 * run in several processes at once. Returns a function that stops it.
 */
export function startJobRunner(
  db: Db,
  transport: MailTransport | null,
  intervalMs = 2000,
): () => void {
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    tick(db, transport)
      .catch((error: unknown) => console.error('[jobs] tick failed:', error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
