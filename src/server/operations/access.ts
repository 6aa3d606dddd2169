import type { Actor } from '../auth/actor';
import { requirePartner, requirePartnerAdmin, requireRole, requireUser } from '../auth/permissions';
import type { Role } from '../schema';

/**
 * Access rules an operation names. Each takes the principal (from the session, the API key or,
 * later, a guest token; never from the request body) and returns what the handler may rely on.
 */

/** Visitors too. */
export const anyone = (principal: Actor | null): Actor | null => principal;

/** Any signed-in user or API key. */
export const signedIn = (principal: Actor | null): Actor => requireUser(principal);

/** Signed in with one of the roles. */
export function withRole(roles: readonly Role[]): (principal: Actor | null) => Actor {
  return (principal) => requireRole(principal, roles);
}

/** A partner's user or API key: the partner id comes with it. */
export interface PartnerActor {
  user: Actor;
  partnerId: string;
}

export const partnerMember = (principal: Actor | null): PartnerActor => requirePartner(principal);

/** A partner admin (API keys act as reps, so never pass). */
export const partnerAdmin = (principal: Actor | null): PartnerActor =>
  requirePartnerAdmin(principal);
