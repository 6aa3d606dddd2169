import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { isBot } from '../../lib/analytics/bots';
import { externalReferrerHost } from '../../lib/analytics/referrer';
import { utmFrom } from '../personas/request-context';
import { EventBuffer } from '../analytics/event-buffer';
import { getDb } from '../db';
import { currentReferral } from '../analytics/referral';

export const pageViews = new EventBuffer(getDb);

/**
 * Starts the page-view bookkeeping for one request: sets the referral cookie now (`?ref=`) and
 * returns the function that records the page view once the response exists. The analytics
 * middleware and the home page's cached path both use it, so a cached `/` counts like a
 * rendered one. Bots are skipped; a visitor who refuses tracking is counted by the daily-salted hash.
 */
export function trackPageView(context: APIContext): (response: Response) => Response {
  const { request, url, locals } = context;
  const referral = locals.visitor
    ? currentReferral(url, context.cookies, !locals.visitor.refusesTracking)
    : null;
  return (response) => {
    if (
      context.isPrerendered ||
      !locals.visitor ||
      request.method !== 'GET' ||
      response.status !== 200
    )
      return response;
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
    if (isBot(request.headers.get('user-agent'))) return response;
    pageViews.push({
      type: 'page_view',
      visitorId: locals.visitor.analyticsId,
      userId: locals.user?.id ?? null,
      persona: locals.persona?.variant === 'personalized' ? locals.persona.slug : null,
      personaSource: locals.persona?.source ?? null,
      path: url.pathname,
      referrerHost: externalReferrerHost(request.headers.get('referer'), url.hostname),
      utm: utmFrom(url),
      partnerRef: referral,
    });
    return response;
  };
}

/** Server-rendered HTML pages record their own page view (prerendered pages use the inline beacon). */
export const analytics = defineMiddleware(async (context, next) => {
  const finish = trackPageView(context);
  return finish(await next());
});
