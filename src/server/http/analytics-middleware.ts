import { defineMiddleware } from 'astro:middleware';
import { isBot } from '../../lib/analytics/bots';
import { EventBuffer } from '../analytics/event-buffer';
import { cookielessVisitorId } from '../analytics/visitor-hash';
import { isPrivacyRequest, issueVisitorCookie, readVisitorCookie } from '../analytics/visitor';
import { isSecureOrigin } from '../auth/cookies';
import { getDb } from '../db';
import { clientIp } from './client-ip';

export const pageViews = new EventBuffer(getDb);

const UTM_KEYS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

function externalReferrerHost(referer: string | null, siteHost: string): string | null {
  if (!referer) return null;
  try {
    const host = new URL(referer).hostname.toLowerCase();
    return host && host !== siteHost ? host.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * Server-rendered HTML pages record their own page view (prerendered pages use the inline
 * beacon instead). Bots are skipped; Do Not Track / GPC visitors get no cookie and are counted
 * by the daily-salted hash.
 */
export const analytics = defineMiddleware(async (context, next) => {
  const response = await next();
  const { request, url, cookies } = context;
  if (context.isPrerendered || request.method !== 'GET' || response.status !== 200) return response;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const userAgent = request.headers.get('user-agent');
  if (isBot(userAgent)) return response;
  let visitorId = readVisitorCookie(cookies);
  if (!visitorId) {
    visitorId = isPrivacyRequest(request.headers)
      ? await cookielessVisitorId(getDb(), {
          site: url.host,
          ip: clientIp(context),
          userAgent: userAgent ?? '',
        })
      : issueVisitorCookie(cookies, isSecureOrigin());
  }
  const param = (key: string) => url.searchParams.get(key)?.slice(0, 200) || null;
  pageViews.push({
    type: 'page_view',
    visitorId,
    userId: context.locals.user?.id ?? null,
    path: url.pathname,
    referrerHost: externalReferrerHost(request.headers.get('referer'), url.hostname),
    utm: Object.fromEntries(UTM_KEYS.map((k) => [k, param(`utm_${k}`)])),
    partnerRef: param('ref'),
  });
  return response;
});
