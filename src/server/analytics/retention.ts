import { DAY, HOUR, isoNow } from '../../lib/time';
import { config, loadConfig } from '../config';
import type { DbOrTx } from '../db';
import { registerPeriodicTask } from '../jobs/runner';
import { VISIT_STATE_KEPT_MS } from '../../lib/analytics/sessions';
import {
  deleteEvents,
  deleteVisitorSessionsIdleSince,
  findEventIdsBefore,
} from './retention-repository';
import { discardOldSalts } from './visitor-hash';

/**
 * Raw events are kept ANALYTICS_RETENTION_DAYS (default 395: a year plus a month, so a year
 * can be compared with the one before in the rollups' terms); 0 keeps them forever. Rollups
 * are kept: dashboards never need the raw rows. Deleted in chunks so a long backlog never
 * holds the write lock for long.
 */
export async function deleteOldEvents(
  db: DbOrTx,
  retentionDays: number,
  now: Date = new Date(),
  chunk = 5000,
): Promise<number> {
  if (retentionDays <= 0) return 0;
  const before = isoNow(new Date(now.getTime() - retentionDays * DAY));
  let deleted = 0;
  for (;;) {
    const ids = await findEventIdsBefore(db, before, chunk);
    if (ids.length === 0) return deleted;
    await deleteEvents(db, ids);
    deleted += ids.length;
  }
}

/** Visit state is only needed while a visit can continue (30 minutes); a day later it goes. */
export async function deleteIdleVisitorSessions(
  db: DbOrTx,
  now: Date = new Date(),
): Promise<number> {
  return deleteVisitorSessionsIdleSince(db, isoNow(new Date(now.getTime() - VISIT_STATE_KEPT_MS)));
}

/** ANALYTICS_RETENTION_DAYS, validated in `config.ts` (an unusable value keeps 395). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  return (env === process.env ? config() : loadConfig(env)).analyticsRetentionDays;
}

registerPeriodicTask({
  name: 'analytics:retention',
  everyMs: 6 * HOUR,
  run: async (db, _payload, now) => {
    await deleteOldEvents(db, retentionDays(), now);
    await deleteIdleVisitorSessions(db, now);
    await discardOldSalts(db, now);
  },
});
