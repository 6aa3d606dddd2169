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

/** The session cookie's value from a raw Cookie header (the edge has no AstroCookies). */
export function sessionTokenFromHeader(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName();
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) {
      return decodeURIComponent(part.slice(at + 1).trim()) || undefined;
    }
  }
  return undefined;
}

/** Set-Cookie for the edge, with the same attributes as setSessionCookie and clearSessionCookie. */
export function sessionSetCookieHeader(token: string | null, expiresAt?: string): string {
  const attributes = [
    `${sessionCookieName()}=${token ? encodeURIComponent(token) : ''}`,
    'Path=/',
    token && expiresAt ? `Expires=${new Date(expiresAt).toUTCString()}` : 'Max-Age=0',
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (isSecureOrigin()) attributes.push('Secure');
  return attributes.join('; ');
}
