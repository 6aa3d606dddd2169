import { isSecureOrigin } from '../http/session-cookie';
import {
  PERSONA_COOKIE,
  VISITOR_COOKIE,
  formatPersonaCookie,
  isValidVisitorId,
  newVisitorId,
  type PersonaCookie,
} from '../../lib/personas/cookies';
import type { Visitor } from '../../lib/personas/types';
import type { CookieJar, CookieOptions } from '../http/cookie-jar';

const YEAR_S = 365 * 24 * 60 * 60;
/** An inferred persona is remembered for 30 days; a persona the visitor chose, for a year. */
const DETECTED_PERSONA_S = 30 * 24 * 60 * 60;

function cookieOptions(maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isSecureOrigin(), path: '/', maxAge };
}

/**
 * The visitor: the first-party id cookie (random, HttpOnly, SameSite=Lax, one year), created on
 * first visit. A browser that sends DNT or GPC gets no cookie (an old one is deleted) and a
 * fresh per-request id, so nothing links its requests together.
 */
export function identifyVisitor(cookies: CookieJar, refusesTracking: boolean): Visitor {
  const existing = cookies.get(VISITOR_COOKIE);
  if (refusesTracking) {
    if (existing !== undefined) cookies.set(VISITOR_COOKIE, '', cookieOptions(0));
    const id = `anon:${newVisitorId()}`;
    return { id, isNew: false, refusesTracking: true, analyticsId: id };
  }
  if (isValidVisitorId(existing)) {
    return { id: existing, isNew: false, refusesTracking: false, analyticsId: existing };
  }
  const id = newVisitorId();
  cookies.set(VISITOR_COOKIE, id, cookieOptions(YEAR_S));
  return { id, isNew: true, refusesTracking: false, analyticsId: id };
}

/** Remembers the persona (a choice for a year, an inference for 30 days). */
export function rememberPersona(cookies: CookieJar, cookie: PersonaCookie): void {
  cookies.set(
    PERSONA_COOKIE,
    formatPersonaCookie(cookie),
    cookieOptions(cookie.isExplicit ? YEAR_S : DETECTED_PERSONA_S),
  );
}

export function forgetPersona(cookies: CookieJar): void {
  cookies.set(PERSONA_COOKIE, '', cookieOptions(0));
}

/** The visitor id events may carry: the cookie id, or null when the visitor refuses tracking. */
export function trackedVisitorId(visitor: Visitor | null): string | null {
  return visitor && !visitor.refusesTracking ? visitor.id : null;
}

/** UTM parameters of a request, trimmed and bounded (they are untrusted). */
export function utmFrom(
  url: URL,
): Record<'source' | 'medium' | 'campaign' | 'content' | 'term', string | null> {
  const read = (name: string) => url.searchParams.get(`utm_${name}`)?.trim().slice(0, 200) || null;
  return {
    source: read('source'),
    medium: read('medium'),
    campaign: read('campaign'),
    content: read('content'),
    term: read('term'),
  };
}
