import type { ActorKind } from '../../lib/deals/machine';
import { AREA_ROLES, isPartnerRole, requirePartner, requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';

export type { Actor } from '../auth/actor';

/** What a deal query is limited to: one partner's deals, or all of them for vendor staff. */
export interface DealScope {
  partnerId: string | null;
}

/**
 * Who may read deals, and which. Partner users see only their own company's deals (the id
 * comes from the session or the API key, never the request); channel managers and admins see all.
 */
export function dealScopeOf(actor: SessionUser | null): DealScope {
  const user = requireRole(actor, AREA_ROLES.portal);
  return { partnerId: isPartnerRole(user.role) ? requirePartner(user).partnerId : null };
}

/** The state machine's view of an actor. */
export function actorKindOf(actor: SessionUser): ActorKind {
  return isPartnerRole(actor.role) ? 'partner' : 'channel';
}
