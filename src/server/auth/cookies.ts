import type { AstroCookies } from 'astro';
import { config } from '../config';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/. Served over HTTPS (PUBLIC_ORIGIN is
 * https://…) it is also Secure and takes the `__Host-` prefix, which browsers only accept for
 * Secure, host-only, Path=/ cookies. Plain http://localhost development cannot use either.
 */
export function isSecureOrigin(): boolean {
  return config().publicOrigin.startsWith('https://');
}

export function sessionCookieName(): string {
  return isSecureOrigin() ? '__Host-chasm_session' : 'chasm_session';
}

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: string): void {
  cookies.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureOrigin(),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.set(sessionCookieName(), '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureOrigin(),
    path: '/',
    maxAge: 0,
  });
}

export function readSessionCookie(cookies: AstroCookies): string | undefined {
  return cookies.get(sessionCookieName())?.value || undefined;
}
