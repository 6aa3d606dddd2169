import { canOpen, type NavRole } from '../nav';

export interface PortalNavItem {
  href: string;
  label: string;
}

const PARTNER: PortalNavItem[] = [
  { href: '/portal', label: 'Dashboard' },
  { href: '/portal/deals', label: 'Deals' },
  { href: '/portal/deals/new', label: 'Register a deal' },
  { href: '/portal/templates', label: 'Solution templates' },
  { href: '/portal/referrals', label: 'Referrals' },
  { href: '/portal/team', label: 'Team' },
];
const PARTNER_ADMIN: PortalNavItem[] = [
  { href: '/portal/api-keys', label: 'API keys' },
  { href: '/portal/webhooks', label: 'Webhooks' },
];
const CHANNEL: PortalNavItem[] = [
  { href: '/portal', label: 'Dashboard' },
  { href: '/portal/review', label: 'Review queue' },
  { href: '/portal/review/applications', label: 'Applications' },
  { href: '/portal/templates', label: 'Solution templates' },
  { href: '/portal/audit', label: 'Audit log' },
];

/**
 * The portal's sub-navigation for a role (pure, so it is tested without a server): partner
 * users get the partner's pages, vendor staff the channel's, and either list keeps only what
 * the role may open (canOpen, from the guards' role lists).
 */
export function portalNavFor(role: NavRole): PortalNavItem[] {
  const items =
    role === 'partner_admin' || role === 'partner_rep' ? [...PARTNER, ...PARTNER_ADMIN] : CHANNEL;
  if (!canOpen(role, '/portal')) return [];
  return items.filter((item) => canOpen(role, item.href));
}

/** The item for the current page: the longest href that is a prefix of the path. */
export function currentPortalItem(
  items: readonly PortalNavItem[],
  pathname: string,
): string | null {
  const matches = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  matches.sort((a, b) => b.href.length - a.href.length);
  return matches[0]?.href ?? null;
}
