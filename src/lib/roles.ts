/**
 * Roles and who may open which area. Pure, so the navigation (also used by islands), pages,
 * services and procedures all read the same lists.
 */
export const ROLES = [
  'admin',
  'channel_manager',
  'executive',
  'partner_admin',
  'partner_rep',
] as const;
export type Role = (typeof ROLES)[number];

/** Vendor staff who review partners' applications and deals and see every partner. */
export const CHANNEL_ROLES = ['admin', 'channel_manager'] as const satisfies readonly Role[];
/** People of a partner company; they only ever see their own company's data. */
export const PARTNER_ROLES = ['partner_admin', 'partner_rep'] as const satisfies readonly Role[];
/** The vendor's own people (shorter session lifetime than partner users). */
export const INTERNAL_ROLES: readonly Role[] = ['admin', 'channel_manager', 'executive'];

/** What each role may open; the navigation, pages and procedures check the same lists. */
export const AREA_ROLES = {
  portal: [...CHANNEL_ROLES, ...PARTNER_ROLES],
  analytics: ['admin', 'channel_manager', 'executive'],
  leads: CHANNEL_ROLES,
  admin: ['admin'],
  review: CHANNEL_ROLES,
} as const satisfies Record<string, readonly Role[]>;
