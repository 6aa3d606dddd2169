import { addMs, HOUR, isoNow } from '../../lib/time';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { hashPassword } from '../auth/password';
import { hitLimit } from '../auth/rate-limit';
import { invalidateUserSessions } from '../auth/session';
import { randomToken, sha256Hex } from '../auth/tokens';
import { config } from '../config';
import { enqueueMail } from '../mail/mailer';
import { inTransaction } from '../transactions';
import { normaliseEmail } from './login';
import * as repo from './repository';

/** A reset link works for one hour, once. */
export const RESET_TOKEN_TTL_MS = 1 * HOUR;
/** At most 5 reset e-mails per address per hour, so the form cannot be used to flood an inbox. */
const RESET_MAIL_LIMIT = { max: 5, windowMs: HOUR };

/**
 * Sends a reset link when the address has an active account. The caller shows the same
 * message either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  db: DbOrTx,
  rawEmail: string,
  now: Date = new Date(),
): Promise<void> {
  const email = normaliseEmail(rawEmail);
  const user = await repo.findUserByEmail(db, email);
  if (!user || user.is_active !== 1) return;
  const quota = await hitLimit(db, `reset:${email}`, RESET_MAIL_LIMIT, now);
  if (quota.isExceeded) return;

  const token = randomToken(32);
  const link = `${config().publicOrigin}/reset-password/${token}`;
  await inTransaction(db, async (trx) => {
    await repo.insertPasswordReset(trx, {
      token_hash: sha256Hex(token),
      user_id: user.id,
      expires_at: addMs(isoNow(now), RESET_TOKEN_TTL_MS),
      created_at: isoNow(now),
    });
    await enqueueMail(
      trx,
      {
        to: user.email,
        category: 'password_reset',
        subject: 'Reset your Chasm password',
        text: [
          `Hello ${user.name},`,
          '',
          'Someone (hopefully you) asked to reset the password of your Chasm account.',
          `Choose a new password here within the next hour: ${link}`,
          '',
          'If you did not ask for this, ignore this e-mail; your password stays as it is.',
        ].join('\n'),
      },
      now,
    );
  });
}

/** Whether a reset link can still be used (for showing the form or a clear error). */
export async function isResetTokenUsable(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  const row = await repo.findPasswordReset(db, sha256Hex(token));
  return !!row && !row.used_at && row.expires_at > isoNow(now);
}

/**
 * Sets a new password from a reset link, uses the link up and signs the user out of every
 * session, so a stolen session does not outlive the reset.
 */
export async function resetPassword(
  db: DbOrTx,
  token: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<{ email: string }> {
  const tokenHash = sha256Hex(token);
  const row = await repo.findPasswordReset(db, tokenHash);
  if (!row || row.used_at || row.expires_at <= isoNow(now)) {
    throw new AppError(
      'NOT_FOUND',
      'This reset link has expired or was already used. Ask for a new one.',
    );
  }
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(db, async (trx) => {
    if (!(await repo.markPasswordResetUsed(trx, tokenHash, isoNow(now)))) {
      throw new AppError('NOT_FOUND', 'This reset link was already used. Ask for a new one.');
    }
    await repo.updateUser(trx, row.user_id, {
      password_hash: passwordHash,
      updated_at: isoNow(now),
    });
    await invalidateUserSessions(trx, row.user_id);
    const user = await repo.findUserById(trx, row.user_id);
    return { email: user?.email ?? '' };
  });
}
