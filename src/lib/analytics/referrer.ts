import { foldHost } from './source';

/**
 * The host of the page that sent a visitor here, folded (source.ts), or
 * null when there is none, it cannot be parsed, or it is our own site (internal navigation is
 * not a referral). Used for server-rendered page views and for beacon events alike.
 */
export function externalReferrerHost(
  referrer: string | null | undefined,
  siteHost: string,
): string | null {
  if (!referrer) return null;
  try {
    const host = foldHost(new URL(referrer).hostname);
    return host && host !== foldHost(siteHost) ? host : null;
  } catch {
    return null;
  }
}
