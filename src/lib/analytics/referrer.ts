/**
 * The host of the page that sent a visitor here, lower-cased and at most 200 characters, or
 * null when there is none, it cannot be parsed, or it is our own site (internal navigation is
 * not a referral). Used for server-rendered page views and for beacon events alike.
 */
export function externalReferrerHost(
  referrer: string | null | undefined,
  siteHost: string,
): string | null {
  if (!referrer) return null;
  try {
    const host = new URL(referrer).hostname.toLowerCase();
    return host && host !== siteHost ? host.slice(0, 200) : null;
  } catch {
    return null;
  }
}
