import { AREA_ROLES, PARTNER_ROLES, ROLES, type Role } from './roles';

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

/**
 * Who may open the signed-in pages, by path prefix, longest first: the role lists the page
 * guards check (src/lib/roles.ts), so a link is shown only to someone it will open for. The
 * accessibility crawl follows every link each role is shown and fails on a 403.
 */
const PAGE_ROLES: [prefix: string, roles: readonly Role[]][] = [
  ['/portal/review', AREA_ROLES.review],
  ['/portal/audit', AREA_ROLES.review],
  ['/portal/api-keys', ['partner_admin']],
  ['/portal/webhooks', ['partner_admin']],
  ['/portal/deals', PARTNER_ROLES],
  ['/portal/referrals', PARTNER_ROLES],
  ['/portal/team', PARTNER_ROLES],
  ['/portal', AREA_ROLES.portal],
  ['/analytics', AREA_ROLES.analytics],
  ['/leads', AREA_ROLES.leads],
  ['/admin', AREA_ROLES.admin],
  ['/roi/scenarios', ROLES],
];

/**
 * Whether a role (null: a visitor) may open a path of this site. Paths outside the signed-in
 * areas are public. A partner's own deal page is also open to channel roles, who reach it
 * from the review queue (`/portal/deals/<id>` is guarded by the portal's list).
 */
export function canOpen(role: NavRole | null, href: string): boolean {
  const path = href.split(/[?#]/)[0] ?? href;
  const rule = /^\/portal\/deals\/(?!new$)[^/]+$/.test(path)
    ? AREA_ROLES.portal
    : PAGE_ROLES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
  if (!rule) return true;
  return role !== null && (rule as readonly Role[]).includes(role);
}

/** The signed-in areas a role may open, in header order. Visitors see only public ones. */
export function navFor(role: NavRole | null): NavItem[] {
  return ITEMS.filter(
    (item) =>
      (item.roles === 'everyone' || (role !== null && item.roles.includes(role))) &&
      canOpen(role, item.href),
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
