import type { AstroCookies } from 'astro';
import { randomToken } from '../auth/tokens';

/** The first-party visitor cookie: random, HttpOnly, SameSite=Lax, one year. */
export const VISITOR_COOKIE = 'chasm_vid';
const ONE_YEAR_S = 365 * 86_400;

/** Do Not Track or Global Privacy Control: no id cookie, per-request counting only. */
export function isPrivacyRequest(headers: Headers): boolean {
  return headers.get('dnt') === '1' || headers.get('sec-gpc') === '1';
}

export function readVisitorCookie(cookies: AstroCookies): string | null {
  const value = cookies.get(VISITOR_COOKIE)?.value;
  return value && /^[a-z2-9]{16,40}$/.test(value) ? value : null;
}

/** Sets a new visitor id cookie and returns the id. */
export function issueVisitorCookie(cookies: AstroCookies, secure: boolean): string {
  const id = randomToken(16);
  cookies.set(VISITOR_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: ONE_YEAR_S,
  });
  return id;
}
