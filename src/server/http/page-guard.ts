import type { AstroGlobal } from 'astro';
import type { SessionUser } from '../auth/session';
import type { Role } from '../schema';

export type Guarded =
  { user: SessionUser; response?: undefined } | { user?: undefined; response: Response };

/**
 * Lets a page through for the given roles. Visitors are sent to sign in and brought back;
 * signed-in users without the role see the 403 page.
 */
export async function guardPage(Astro: AstroGlobal, roles: readonly Role[]): Promise<Guarded> {
  const user = Astro.locals.user;
  if (!user) {
    const next = Astro.url.pathname + Astro.url.search;
    return { response: Astro.redirect(`/login?next=${encodeURIComponent(next)}`, 303) };
  }
  if (!roles.includes(user.role)) {
    return { response: await Astro.rewrite('/forbidden') };
  }
  return { user };
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === 'executive') return '/analytics';
  if (role === 'admin') return '/admin';
  return '/portal';
}
