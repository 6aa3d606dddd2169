import { AppError } from '../errors';
import { CHANNEL_ROLES, PARTNER_ROLES, type Role } from '../../lib/roles';
import type { SessionUser } from './session';

export { AREA_ROLES, CHANNEL_ROLES, PARTNER_ROLES } from '../../lib/roles';

/** Whether a role belongs to a partner company (rather than the vendor). */
export function isPartnerRole(role: Role): boolean {
  return (PARTNER_ROLES as readonly Role[]).includes(role);
}

/** Throws UNAUTHORIZED without a signed-in user (or API key). */
export function requireUser<U extends SessionUser>(user: U | null): U {
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  return user;
}

/** Throws UNAUTHORIZED without a user, FORBIDDEN unless the user holds one of the roles. */
export function requireRole<U extends SessionUser>(user: U | null, roles: readonly Role[]): U {
  const actor = requireUser(user);
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
  return actor;
}

/** Vendor staff only (channel manager, admin). */
export function requireChannel<U extends SessionUser>(user: U | null): U {
  return requireRole(user, CHANNEL_ROLES);
}

/**
 * The partner a user acts for. Always from the session (or the API key, which acts as a partner
 * rep of its company), never from a request, so a partner user cannot reach another company's
 * data by changing an id. The user keeps its type, so an API key's actor stays one.
 */
export function requirePartner<U extends SessionUser>(
  user: U | null,
): { user: U; partnerId: string } {
  const actor = requireRole(user, PARTNER_ROLES);
  if (!actor.partner)
    throw new AppError('FORBIDDEN', 'This account is not linked to a partner company.');
  return { user: actor, partnerId: actor.partner.id };
}

/**
 * A partner admin of a company: API keys and webhooks are theirs to manage. An API key acts as a
 * partner rep, so it can never create keys or endpoints for itself.
 */
export function requirePartnerAdmin<U extends SessionUser>(
  user: U | null,
): { user: U; partnerId: string } {
  const actor = requireUser(user);
  if (actor.role !== 'partner_admin' || !actor.partner) {
    throw new AppError('FORBIDDEN', 'Only a partner admin can manage API keys and webhooks.');
  }
  return { user: actor, partnerId: actor.partner.id };
}
