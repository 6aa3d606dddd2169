import { AppError } from '../errors';
import type { Role } from '../schema';
import type { SessionUser } from './session';

/** Vendor staff who review partners' applications and deals and see every partner. */
export const CHANNEL_ROLES = ['admin', 'channel_manager'] as const satisfies readonly Role[];
/** People of a partner company; they only ever see their own company's data. */
export const PARTNER_ROLES = ['partner_admin', 'partner_rep'] as const satisfies readonly Role[];

/** What each role may open in the navigation; pages and procedures check the same lists. */
export const AREA_ROLES = {
  portal: [...CHANNEL_ROLES, ...PARTNER_ROLES],
  analytics: ['admin', 'channel_manager', 'executive'],
  admin: ['admin'],
  review: CHANNEL_ROLES,
} as const satisfies Record<string, readonly Role[]>;

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
