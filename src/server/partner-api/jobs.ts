import { HOUR, isoNow } from '../../lib/time';
import { registerPeriodicTask } from '../jobs/runner';
import { deleteExpiredClaims } from './idempotency-repository';

/** Idempotency records past their 24 hours are removed hourly (imported from boot.ts). */
registerPeriodicTask({
  name: 'partner-api:idempotency-cleanup',
  everyMs: HOUR,
  run: async (db, _payload, now) => {
    await deleteExpiredClaims(db, isoNow(now));
  },
});
