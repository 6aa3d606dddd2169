import type { CookieJar } from '../http/cookie-jar';
import { isSecureOrigin } from '../http/session-cookie';

/** A partner's referral links carry `?ref=<code>`; the code is remembered for 30 days. */
export const REFERRAL_COOKIE = 'chasm_ref';
const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const THIRTY_DAYS_S = 30 * 86_400;

export function isReferralCode(value: string | null | undefined): value is string {
  return !!value && REFERRAL_CODE.test(value);
}

/**
 * The referral that brought this visitor: the link's `?ref=` or, later in the visit or within
 * 30 days, the remembered one (last touch wins). Visitors who refuse tracking get no cookie, so
 * only the link itself counts for them.
 */
export function currentReferral(url: URL, cookies: CookieJar, mayRemember: boolean): string | null {
  const fromLink = url.searchParams.get('ref')?.trim();
  if (isReferralCode(fromLink)) {
    if (mayRemember) {
      cookies.set(REFERRAL_COOKIE, fromLink, {
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecureOrigin(),
        path: '/',
        maxAge: THIRTY_DAYS_S,
      });
    }
    return fromLink;
  }
  const remembered = cookies.get(REFERRAL_COOKIE);
  return mayRemember && isReferralCode(remembered) ? remembered : null;
}
