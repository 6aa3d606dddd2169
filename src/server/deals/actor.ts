import type { ActorKind } from '../../lib/deals/machine';
import { requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { AppError } from '../errors';
import type { Role } from '../schema';

/**
 * Whoever acts on a deal: a signed-in user, or a partner API key acting as a partner rep of its
 * company (the key's creator is recorded as the person behind it).
 */
export interface Actor extends SessionUser {
  apiKey?: { id: string; prefix: string } | undefined;
}

export const CHANNEL_ROLES: readonly Role[] = ['admin', 'channel_manager'];
export const PARTNER_USER_ROLES: readonly Role[] = ['partner_admin', 'partner_rep'];
/** Everyone who may read deals: a partner (its own) or vendor staff (all). */
export const DEAL_READER_ROLES: readonly Role[] = [...CHANNEL_ROLES, ...PARTNER_USER_ROLES];

/** What a deal query is limited to: one partner's deals, or all of them for vendor staff. */
export interface DealScope {
  partnerId: string | null;
}

/**
 * Who may read deals, and which. Partner users see only their own company's deals (the id
 * comes from the session or the API key, never the request); channel managers and admins see all.
 */
export function dealScopeOf(actor: SessionUser | null): DealScope {
  const user = requireRole(actor, DEAL_READER_ROLES);
  if (PARTNER_USER_ROLES.includes(user.role)) {
    if (!user.partner)
      throw new AppError('FORBIDDEN', 'This account is not linked to a partner company.');
    return { partnerId: user.partner.id };
  }
  return { partnerId: null };
}

/** The state machine's view of an actor. */
export function actorKindOf(actor: SessionUser): ActorKind {
  return PARTNER_USER_ROLES.includes(actor.role) ? 'partner' : 'channel';
}

/** Vendor staff only (channel manager, admin). */
export function requireChannel(actor: SessionUser | null): SessionUser {
  return requireRole(actor, CHANNEL_ROLES);
}

/** A partner user with a company, returning the partner id from the session. */
export function requirePartnerActor(actor: SessionUser | null): { user: Actor; partnerId: string } {
  const user = requireRole(actor, PARTNER_USER_ROLES);
  if (!user.partner)
    throw new AppError('FORBIDDEN', 'This account is not linked to a partner company.');
  return { user, partnerId: user.partner.id };
}
