/**
 * Persona and solution pages are prerendered for anonymous visitors; a signed-in visitor's
 * request for one is handed by the edge to an on-demand twin under this prefix, so the page
 * shows their own header. Analytics, persona detection and navigation use the public path.
 */
export const SIGNED_IN_PREFIX = '/signed-in';

/** Public pages that have a signed-in twin (src/pages/signed-in/…). */
export function hasSignedInTwin(pathname: string): boolean {
  return (
    pathname.startsWith('/for/') || pathname === '/solutions' || pathname.startsWith('/solutions/')
  );
}

/** The path a visitor asked for: `/signed-in/for/x/` is `/for/x/`. */
export function publicPathname(pathname: string): string {
  if (pathname === SIGNED_IN_PREFIX || pathname.startsWith(`${SIGNED_IN_PREFIX}/`)) {
    return pathname.slice(SIGNED_IN_PREFIX.length) || '/';
  }
  return pathname;
}
