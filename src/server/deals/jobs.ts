import { MINUTE } from '../../lib/time';
import { registerPeriodicTask } from '../jobs/runner';
import { runDealLifecycle } from './expiry';

/**
 * Deal expiry, the 14- and 3-day reminders and review-SLA escalation, every ten minutes in one
 * process at a time (the job runner's dedupe key). Imported once from src/server/boot.ts.
 */
registerPeriodicTask({
  name: 'deals:lifecycle',
  everyMs: 10 * MINUTE,
  run: async (db, _payload, now) => {
    await runDealLifecycle(db, now);
  },
});
