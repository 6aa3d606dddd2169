import type { APIContext } from 'astro';
import { config } from '../config';

/**
 * The client's address, for rate limits only (it is never stored in clear). Behind a proxy
 * (TRUST_PROXY=1) the last X-Forwarded-For entry, the one our proxy appended: earlier entries
 * come from the client and can say anything. Otherwise the socket's address.
 */
export function clientIpFrom(forwardedFor: string | null | undefined, socketAddress: () => string) {
  if (config().trustProxy) {
    const forwarded = forwardedFor?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return socketAddress() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** clientIpFrom for a request Astro renders. */
export function clientIp(context: Pick<APIContext, 'request' | 'clientAddress'>): string {
  return clientIpFrom(context.request.headers.get('x-forwarded-for'), () => context.clientAddress);
}
