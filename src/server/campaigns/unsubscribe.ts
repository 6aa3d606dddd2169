import { isoNow } from '../../lib/time';
import { sha256Hex } from '../auth/tokens';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { cancelPendingByKeyPrefix } from '../mail/outbox-repository';
import { campaignMailKey } from './enrol';
import * as repo from './repository';
import { inTransaction } from '../transactions';

/** Tokens are 24 random bytes in randomToken's base-32 alphabet (39 characters). */
const TOKEN = /^[a-z0-9]{39}$/;

async function enrollmentFor(db: DbOrTx, token: string) {
  const enrollment = TOKEN.test(token)
    ? await repo.findEnrollmentByTokenHash(db, sha256Hex(token))
    : undefined;
  if (!enrollment) {
    throw new AppError(
      'NOT_FOUND',
      'This unsubscribe link is not valid. It may have been copied incompletely; use the link in the most recent e-mail.',
    );
  }
  return enrollment;
}

/** What the unsubscribe page shows before the visitor confirms. */
export async function describeUnsubscribe(db: DbOrTx, token: string) {
  const enrollment = await enrollmentFor(db, token);
  return {
    email: enrollment.email,
    isUnsubscribed:
      enrollment.status !== 'active' || (await repo.isSuppressed(db, enrollment.email)),
  };
}

/**
 * Unsubscribes the address behind a token from all campaign e-mail: it goes on the suppression
 * list (so future leads with it are never enrolled), every active enrolment of it stops, and
 * its scheduled e-mails are cancelled, in one transaction. Repeating it changes nothing.
 */
export async function unsubscribe(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<{ email: string; cancelled: number }> {
  const enrollment = await enrollmentFor(db, token);
  return inTransaction(db, async (trx) => {
    const at = isoNow(now);
    await repo.insertSuppression(trx, {
      email: enrollment.email,
      reason: 'unsubscribed',
      enrollment_id: enrollment.id,
      created_at: at,
    });
    const ids = await repo.findActiveEnrollmentIdsForEmail(trx, enrollment.email);
    await repo.markUnsubscribed(trx, ids, at);
    let cancelled = 0;
    for (const id of new Set([...ids, enrollment.id])) {
      cancelled += await cancelPendingByKeyPrefix(trx, campaignMailKey(id));
    }
    return { email: enrollment.email, cancelled };
  });
}
