import { DAY, HOUR } from '../../lib/time';
import { hitLimit, type Limit } from '../auth/rate-limit';
import { sha256Hex } from '../auth/tokens';
import { inTransaction } from '../transactions';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordEvent } from '../analytics/record-event';
import type { PartnerApplicationInput } from './application-schema';
import { submitPartnerApplication } from './applications';

/**
 * Every application e-mails its contact address, so the public form is limited: 10 applications
 * per client address per hour (a shared office still fits) and 3 per contact e-mail per day (a
 * stranger's address cannot be flooded with our mail). Limits live in the database, so they hold
 * across processes and restarts.
 */
export const APPLY_IP_LIMIT: Limit = { max: 10, windowMs: HOUR };
export const APPLY_EMAIL_LIMIT: Limit = { max: 3, windowMs: DAY };

// Hashed, so the limits table holds neither client addresses nor e-mail addresses.
const ipKey = (ip: string) => `apply:ip:${sha256Hex(`chasm-apply:${ip}`)}`;
const emailKey = (email: string) => `apply:email:${sha256Hex(`chasm-apply:${email}`)}`;

function wait(seconds: number): string {
  if (seconds < 2 * 3600) {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${Math.ceil(seconds / 3600)} hours`;
}

/** Counts this application against both limits; over either one, it is refused with a 429. */
async function takeApplicationQuota(db: DbOrTx, ip: string, email: string, now: Date) {
  const byAddress = await hitLimit(db, ipKey(ip), APPLY_IP_LIMIT, now);
  if (byAddress.isExceeded) {
    const after = byAddress.retryAfterSeconds;
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many applications came from your network in the last hour. Try again in ${wait(after)}.`,
      { retryAfterSeconds: after },
    );
  }
  const byEmail = await hitLimit(db, emailKey(email), APPLY_EMAIL_LIMIT, now);
  if (byEmail.isExceeded) {
    const after = byEmail.retryAfterSeconds;
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `${email} was already used for ${APPLY_EMAIL_LIMIT.max} applications today. Try again in ${wait(after)}.`,
      {
        retryAfterSeconds: after,
        issues: [{ path: 'contactEmail', message: 'Used for too many applications today.' }],
      },
    );
  }
}

/**
 * The /partners/apply form: within the limits above, stores the application, its confirmation
 * e-mail and the `application_submitted` event in one transaction (the onboarding flow does the same).
 */
export async function applyToPartnerProgram(
  db: DbOrTx,
  input: PartnerApplicationInput,
  visitor: { visitorId: string; ip: string; referralCode?: string | null },
  now: Date = new Date(),
): Promise<{ id: string }> {
  await takeApplicationQuota(db, visitor.ip, input.contactEmail, now);
  return inTransaction(db, async (trx) => {
    const { id } = await submitPartnerApplication(
      trx,
      input,
      { source: 'form', referralCode: visitor.referralCode ?? null },
      now,
    );
    await recordEvent(
      trx,
      {
        type: 'application_submitted',
        visitorId: visitor.visitorId,
        persona: 'systems-integrators',
        path: '/partners/apply',
        partnerRef: visitor.referralCode ?? null,
        properties: { applicationId: id, source: 'form', specialties: input.specialties },
      },
      now,
    );
    return { id };
  });
}
