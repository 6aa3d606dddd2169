import { AREA_ROLES, type Role } from './roles';

/** A role as the navigation sees it (this module is used by islands too, so it stays pure). */
export type NavRole = Role;

export interface NavItem {
  href: string;
  label: string;
}

const ITEMS: { href: string; label: string; roles: readonly NavRole[] | 'everyone' }[] = [
  {
    href: '/portal',
    label: 'Portal',
    roles: AREA_ROLES.portal,
  },
  { href: '/roi', label: 'ROI', roles: 'everyone' },
  { href: '/analytics', label: 'Analytics', roles: AREA_ROLES.analytics },
  { href: '/leads', label: 'Leads', roles: AREA_ROLES.leads },
  { href: '/admin', label: 'Admin', roles: AREA_ROLES.admin },
];

/** The signed-in areas a role may open, in header order. Visitors see only public ones. */
export function navFor(role: NavRole | null): NavItem[] {
  return ITEMS.filter(
    (item) => item.roles === 'everyone' || (role !== null && item.roles.includes(role)),
  ).map(({ href, label }) => ({ href, label }));
}

/** Whether a nav item is the current section (for aria-current). */
export function isCurrentSection(itemHref: string, pathname: string): boolean {
  return pathname === itemHref || pathname.startsWith(`${itemHref}/`);
}

export const ROLE_LABELS: Record<NavRole, string> = {
  admin: 'Admin',
  channel_manager: 'Channel manager',
  executive: 'Executive',
  partner_admin: 'Partner admin',
  partner_rep: 'Partner rep',
};
