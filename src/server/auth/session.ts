import type { DbOrTx } from '../db';
import { INTERNAL_ROLES, type Role } from '../schema';
import { DAY, HOUR, addMs, isoNow } from '../../lib/time';
import { constantTimeEqualHex, randomToken, sha256Hex } from './tokens';
import * as repo from './session-repository';

/**
 * Session lifetimes. Internal staff (admin, channel manager, executive) can approve deals and
 * read every partner's data, so their sessions end sooner: 8 hours idle, 24 hours at most.
 * Partner users keep working sessions longer: 7 days idle, 30 days at most.
 */
export const SESSION_LIFETIMES = {
  internal: { idleMs: 8 * HOUR, absoluteMs: 1 * DAY },
  partner: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
} as const;

export function lifetimeFor(role: Role) {
  return INTERNAL_ROLES.includes(role) ? SESSION_LIFETIMES.internal : SESSION_LIFETIMES.partner;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partner: { id: string; name: string } | null;
}

export interface ValidSession {
  id: string;
  userId: string;
  expiresAt: string;
  absoluteExpiresAt: string;
  /** True when this validation pushed the expiry forward (the cookie should be re-sent). */
  renewed: boolean;
}

/**
 * Creates a session and returns the token for the cookie. The token is `<id>.<secret>`:
 * the id (128 bits) finds the row, the secret (160 bits) proves possession; only the
 * secret's SHA-256 is stored, so a database leak yields no usable session.
 */
export async function createSession(
  db: DbOrTx,
  userId: string,
  role: Role,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const id = randomToken(16);
  const secret = randomToken(20);
  const created = isoNow(now);
  const lifetime = lifetimeFor(role);
  const expiresAt = addMs(created, lifetime.idleMs);
  await repo.insertSession(db, {
    id,
    secret_hash: sha256Hex(secret),
    user_id: userId,
    created_at: created,
    expires_at: expiresAt,
    absolute_expires_at: addMs(created, lifetime.absoluteMs),
  });
  return { token: `${id}.${secret}`, expiresAt };
}

function parseToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
  return { id: parts[0], secret: parts[1] };
}

/**
 * Checks a token: the row must exist, the secret must match (constant-time), the user must be
 * active and neither expiry may have passed. A session used after half its idle window is
 * renewed (sliding expiry), never past its absolute limit.
 */
export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await repo.findSessionWithUser(db, parsed.id);
  if (!row || !constantTimeEqualHex(row.secret_hash, sha256Hex(parsed.secret))) return null;
  const nowIso = isoNow(now);
  if (row.expires_at <= nowIso || row.absolute_expires_at <= nowIso || row.is_active !== 1) {
    await repo.deleteSession(db, row.id);
    return null;
  }
  const { idleMs } = lifetimeFor(row.role);
  let expiresAt = row.expires_at;
  let renewed = false;
  if (Date.parse(row.expires_at) - now.getTime() < idleMs / 2) {
    const candidate = addMs(nowIso, idleMs);
    expiresAt = candidate < row.absolute_expires_at ? candidate : row.absolute_expires_at;
    if (expiresAt > row.expires_at) {
      await repo.updateSessionExpiry(db, row.id, expiresAt);
      renewed = true;
    }
  }
  return {
    session: {
      id: row.id,
      userId: row.user_id,
      expiresAt,
      absoluteExpiresAt: row.absolute_expires_at,
      renewed,
    },
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      partner: row.partner_id ? { id: row.partner_id, name: row.partner_name ?? '' } : null,
    },
  };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

/** Signs a user out everywhere (after a password reset, for one). */
export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId);
}
