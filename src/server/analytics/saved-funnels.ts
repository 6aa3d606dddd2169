import { z } from 'zod';
import { advance, type FunnelProgress } from '../../lib/analytics/funnel';
import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { AREA_ROLES, requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { AppError } from '../errors';
import { enqueueJob } from '../jobs/queue';
import { registerJobHandler } from '../jobs/runner';
import { text } from '../validation';
import { Counter } from './counter';
import { funnelStepSchema, savedFunnelDefinition } from './funnel-definitions';
import * as funnels from './funnel-repository';
import * as repo from './rollup-repository';

/** Who may define funnels: the people who read the dashboards. */
const FUNNEL_EDITORS = AREA_ROLES.analytics;

export const savedFunnelInput = z
  .object({
    name: text('Name', 80, 3),
    windowDays: z.coerce
      .number({ invalid_type_error: 'Enter a number of days.' })
      .int('Enter whole days.')
      .min(1, 'At least 1 day.')
      .max(90, 'At most 90 days.'),
    steps: z
      .array(funnelStepSchema.extend({ label: text('Step name', 60).optional() }))
      .min(2, 'A funnel needs at least two steps.')
      .max(8, 'A funnel has at most eight steps.'),
  })
  .strict();
export type SavedFunnelInput = z.infer<typeof savedFunnelInput>;

const BACKFILL_JOB = 'analytics:funnel-backfill';

/**
 * Saves a funnel defined in the dashboard and schedules its backfill: its history is replayed
 * from the raw events once, then the rollups keep it up to date like the content funnels.
 */
export async function saveFunnel(
  db: Db,
  actor: SessionUser | null,
  input: SavedFunnelInput,
  now: Date = new Date(),
) {
  const user = requireRole(actor, FUNNEL_EDITORS);
  const id = `ui-${newId(now.getTime()).toLowerCase()}`;
  await db.transaction().execute(async (trx) => {
    await funnels.insertFunnel(trx, {
      id,
      name: input.name,
      steps: JSON.stringify(
        input.steps.map((s) => ({
          type: s.type,
          ...(s.path ? { path: s.path } : {}),
          label: s.label || s.type,
        })),
      ),
      window_ms: input.windowDays * 86_400_000,
      created_by: user.id,
      backfill_to_event_id: 0,
      backfilled_at: null,
      created_at: isoNow(now),
    });
    await enqueueJob(
      trx,
      BACKFILL_JOB,
      { funnelId: id },
      { dedupeKey: `${BACKFILL_JOB}:${id}` },
      now,
    );
  });
  return { id };
}

/** Removes a saved funnel and its counts. Content funnels cannot be deleted here. */
export async function deleteFunnel(db: Db, actor: SessionUser | null, id: string) {
  requireRole(actor, FUNNEL_EDITORS);
  await db.transaction().execute(async (trx) => {
    if (!(await funnels.deleteFunnelAndCounts(trx, id))) {
      throw new AppError('NOT_FOUND', 'There is no saved funnel with that id.');
    }
  });
}

/**
 * Replays every raw event, in recording order, through the funnel and stores the result, then
 * marks the funnel live. One transaction; on PostgreSQL it first takes a SHARE lock on events,
 * which waits for running inserts and holds new ones until the funnel is live, so each event is
 * counted exactly once, by the backfill or by the rollups (SQLite has one writer at a time anyway).
 */
export async function backfillFunnel(
  db: Db,
  funnelId: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await funnels.findFunnel(trx, funnelId);
    if (!row || row.backfilled_at) return;
    await funnels.lockEventsForReplay(trx);
    const funnel = savedFunnelDefinition(row);
    const progress = new Map<string, FunnelProgress>();
    const reached = new Counter<{
      funnel_id: string;
      day: string;
      persona: string;
      step: number;
    }>();
    let lastId = 0;
    for (;;) {
      const events = await funnels.eventsAfter(trx, lastId, 10_000);
      if (events.length === 0) break;
      for (const e of events) {
        const result = advance(funnel, progress.get(e.visitor_id) ?? null, {
          visitorId: e.visitor_id,
          type: e.type,
          path: e.path,
          persona: e.persona,
          at: Date.parse(e.occurred_at),
        });
        if (!result) continue;
        progress.set(e.visitor_id, result.progress);
        const day = new Date(result.progress.enteredAt).toISOString().slice(0, 10);
        reached.add({
          funnel_id: funnel.id,
          day,
          persona: result.progress.persona ?? '',
          step: result.reached,
        });
      }
      lastId = Number(events[events.length - 1]!.id);
    }
    const rows = [...progress.entries()].map(([visitorId, p]) => ({
      funnel_id: funnel.id,
      visitor_id: visitorId,
      step: p.step,
      entered_at: new Date(p.enteredAt).toISOString(),
      last_at: new Date(p.lastAt).toISOString(),
      persona: p.persona ?? '',
    }));
    for (let i = 0; i < rows.length; i += 500)
      await repo.saveFunnelProgress(trx, rows.slice(i, i + 500));
    const counts = reached.rows();
    for (let i = 0; i < counts.length; i += 500)
      await repo.addFunnelCounts(trx, counts.slice(i, i + 500));
    await funnels.markFunnelBackfilled(trx, funnelId, lastId, isoNow(now));
  });
}

registerJobHandler(BACKFILL_JOB, async (db, payload, now) => {
  await backfillFunnel(db as Db, (payload as { funnelId: string }).funnelId, now);
});
