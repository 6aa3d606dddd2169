import { seedDemo } from '../../db/seed/index';
import { deleteExpiredSessions } from './auth/session-repository';
import { config } from './config';
import { getDb } from './db';
import { withDatabaseLock } from './db-lock';
import { deleteFinishedJobsBefore } from './jobs/repository';
import { registerPeriodicTask, startJobRunner } from './jobs/runner';
import { redactExpiredLinks } from './mail/mailer';
import { createSmtpTransport } from './mail/smtp';
import { migrateToLatest } from './migrations';
import { onShutdown, processSingleton, resetProcessSingleton } from './process-state';
import { DAY, HOUR, isoNow } from '../lib/time';
// Systems-integrator portal: deal expiry/reminders/SLA, webhook delivery, idempotency cleanup.
import './deals/jobs';
import './webhooks/delivery';
import './partner-api/jobs';
// Analytics: raw-event retention, idle visit state, yesterday's salts.
import './analytics/retention';
import './analytics/saved-funnels';

registerPeriodicTask({
  name: 'sessions:cleanup',
  everyMs: HOUR,
  run: async (db, _payload, now) => {
    await deleteExpiredSessions(db, isoNow(now));
  },
});
registerPeriodicTask({
  name: 'outbox:redact-links',
  everyMs: HOUR,
  run: async (db, _payload, now) => {
    await redactExpiredLinks(db, now);
  },
});
registerPeriodicTask({
  name: 'jobs:cleanup',
  everyMs: DAY,
  run: async (db, _payload, now) => {
    await deleteFinishedJobsBefore(db, isoNow(new Date(now.getTime() - 7 * DAY)));
  },
});

/**
 * Prepares the process once: migrations, demo data (development, or CHASM_DEMO=1), and the
 * background job runner. The edge server awaits it before it listens; requests find it settled.
 * `jobs: false` prepares the database only (the cluster primary, before it forks workers).
 */
export function ensureReady(options: { jobs?: boolean } = {}): Promise<void> {
  return processSingleton('boot', () => boot(options.jobs ?? true));
}

function boot(withJobs: boolean): Promise<void> {
  return (async () => {
    const cfg = config();
    const db = getDb();
    // Processes starting together take turns: one migrates and seeds, the others then find
    // both done (the seed checks what exists) instead of colliding on unique keys.
    await withDatabaseLock(db, 'boot', async () => {
      await migrateToLatest(db);
      if (cfg.shouldSeedDemo)
        await seedDemo(db, {
          password: cfg.demoPassword,
          demoVisitorsPerDay: cfg.demoVisitorsPerDay,
        });
    });
    if (cfg.runJobs && withJobs) {
      const transport = cfg.smtpUrl ? createSmtpTransport(cfg.smtpUrl, cfg.mailFrom) : null;
      onShutdown(startJobRunner(db, transport));
    }
  })().catch((error: unknown) => {
    resetProcessSingleton('boot');
    throw error;
  });
}
