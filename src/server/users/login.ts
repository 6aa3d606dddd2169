import { MINUTE } from '../../lib/time';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { createSession, type SessionUser } from '../auth/session';
import { verifyAgainstDummy, verifyPassword } from '../auth/password';
import { hitLimit, refundLimit, resetLimit, type Limit } from '../auth/rate-limit';
import { sha256Hex } from '../auth/tokens';
import { config } from '../config';
import * as repo from './repository';

/** 10 failed sign-ins per account per 10 minutes, as the foundation issue sets. */
export const ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 10 * MINUTE };

/** A wider per-IP bucket (LOGIN_IP_LIMIT, default 50 per 10 minutes) stops spraying many accounts. */
export function ipLimit(): Limit {
  return { max: config().loginIpLimit, windowMs: 10 * MINUTE };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const accountKey = (email: string) => `login:account:${email}`;
// The address is hashed so the limits table never holds a client IP.
const ipKey = (ip: string) => `login:ip:${sha256Hex(`chasm-login:${ip}`)}`;

function tooMany(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
    { retryAfterSeconds },
  );
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/**
 * Signs a user in. Every attempt is counted against the account and the IP before the password
 * is checked (one atomic upsert each), so parallel guesses cannot slip past the limit; a right
 * password gives the IP its hit back and clears the account's counter. The message never says
 * whether the e-mail exists.
 */
export async function login(
  db: DbOrTx,
  input: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const account = await hitLimit(db, accountKey(email), ACCOUNT_LIMIT, now);
  const ip = await hitLimit(db, ipKey(input.ip), ipLimit(), now);
  for (const state of [account, ip]) {
    if (state.isExceeded) throw tooMany(state.retryAfterSeconds);
  }

  const user = await repo.findUserByEmail(db, email);
  const isValid =
    user && user.password_hash && user.is_active === 1
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);

  if (!user || !isValid) {
    throw new AppError('UNAUTHORIZED', 'That e-mail and password do not match an account.');
  }

  await refundLimit(db, ipKey(input.ip));
  await resetLimit(db, accountKey(email));
  const partner = user.partner_id ? await repo.findPartnerById(db, user.partner_id) : undefined;
  const session = await createSession(db, user.id, user.role, now);
  return {
    ...session,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      partner: partner ? { id: partner.id, name: partner.name } : null,
    },
  };
}
