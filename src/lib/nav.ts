/** Roles as plain strings so this module stays free of server imports (islands use it too). */
export type NavRole = 'admin' | 'channel_manager' | 'executive' | 'partner_admin' | 'partner_rep';

export interface NavItem {
  href: string;
  label: string;
}

const ITEMS: { href: string; label: string; roles: readonly NavRole[] | 'everyone' }[] = [
  {
    href: '/portal',
    label: 'Portal',
    roles: ['admin', 'channel_manager', 'partner_admin', 'partner_rep'],
  },
  { href: '/roi', label: 'ROI', roles: 'everyone' },
  { href: '/analytics', label: 'Analytics', roles: ['admin', 'channel_manager', 'executive'] },
  { href: '/leads', label: 'Leads', roles: ['admin', 'channel_manager'] },
  { href: '/admin', label: 'Admin', roles: ['admin'] },
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
