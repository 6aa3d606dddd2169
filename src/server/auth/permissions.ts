import { AppError } from '../errors';
import type { Role } from '../schema';
import type { SessionUser } from './session';

/** Throws FORBIDDEN unless the user holds one of the roles. */
export function requireRole(user: SessionUser | null, roles: readonly Role[]): SessionUser {
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  if (!roles.includes(user.role)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
  return user;
}

/**
 * The partner a user acts for. Always from the session, never from a request, so a partner
 * user cannot reach another company's data by changing an id.
 */
export function requirePartner(user: SessionUser | null): { user: SessionUser; partnerId: string } {
  const actor = requireRole(user, ['partner_admin', 'partner_rep']);
  if (!actor.partner)
    throw new AppError('FORBIDDEN', 'This account is not linked to a partner company.');
  return { user: actor, partnerId: actor.partner.id };
}

/** What each role may open in the navigation; pages and procedures check the same lists. */
export const AREA_ROLES = {
  portal: ['admin', 'channel_manager', 'partner_admin', 'partner_rep'],
  analytics: ['admin', 'channel_manager', 'executive'],
  admin: ['admin'],
  review: ['admin', 'channel_manager'],
} as const satisfies Record<string, readonly Role[]>;

export function canAccess(user: SessionUser | null, area: keyof typeof AREA_ROLES): boolean {
  return !!user && (AREA_ROLES[area] as readonly Role[]).includes(user.role);
}
