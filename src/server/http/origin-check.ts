const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery rule for every non-GET request, JSON included: a browser request
 * must come from one of our own origins. Browsers always send `Origin` on such requests and
 * `Sec-Fetch-Site` on modern ones; a request with neither is not from a browser (curl, a
 * partner's CRM) and carries no ambient cookies an attacker could ride on.
 */
export function isCrossSiteRequest(
  method: string,
  headers: Headers,
  allowedOrigins: readonly string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin !== null) return !allowedOrigins.includes(origin);
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin' && site !== 'none';
  return false;
}
