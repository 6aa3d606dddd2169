import { defineMiddleware } from 'astro:middleware';
import { cookielessVisitorId } from '../analytics/visitor-hash';
import { config } from '../config';
import { getDb } from '../db';
import { clientIp } from './client-ip';
import { detectionRules } from '../content/persona-content';
import { PERSONA_COOKIE, refusesTracking } from '../../lib/personas/cookies';
import { chooseVariant, resolvePersona } from '../../lib/personas/resolve';
import { serveHomePage } from '../personas/home-page';
import { holdoutSettings } from '../personas/settings';
import { identifyVisitor, rememberPersona, trackedVisitorId } from '../personas/request-context';

/** Sources worth remembering in the persona cookie (the cookie itself and "no signal" are not). */
const REMEMBERED = new Set(['query', 'utm_audience', 'utm_campaign', 'referrer', 'path']);

/**
 * Resolves the visitor and their persona into `locals.visitor` and `locals.persona` for every
 * page rendered on demand (see src/lib/personas/resolve.ts for the order), and serves the
 * personalised home page with its exposure log. Prerendered pages are built without a request,
 * so they get neither; API routes do not need them.
 */
export const persona = defineMiddleware(async (context, next) => {
  context.locals.persona = null;
  context.locals.visitor = null;
  const { pathname } = context.url;
  if (context.isPrerendered || pathname.startsWith('/api/') || pathname.startsWith('/_')) {
    return next();
  }
  const refuses = refusesTracking(context.request.headers);
  const visitor = identifyVisitor(context.cookies, refuses);
  if (refuses) {
    // Counted for analytics by the day's salted hash; nothing is stored in the browser.
    visitor.analyticsId = await cookielessVisitorId(getDb(), {
      site: context.url.host,
      ip: clientIp(context),
      userAgent: context.request.headers.get('user-agent') ?? '',
    });
  }
  const resolution = resolvePersona(
    {
      queryPersona: context.url.searchParams.get('persona'),
      cookie: context.cookies.get(PERSONA_COOKIE)?.value ?? null,
      utmAudience: context.url.searchParams.get('utm_audience'),
      utmCampaign: context.url.searchParams.get('utm_campaign'),
      referrer: context.request.headers.get('referer'),
      ownOrigins: [context.url.origin, config().publicOrigin],
      path: pathname,
    },
    detectionRules(),
  );
  // An inference is remembered only for visitors who accept an id; an explicit choice is a
  // preference the visitor asked us to keep, so it is remembered either way.
  if (resolution.slug && REMEMBERED.has(resolution.source) && (!refuses || resolution.isExplicit)) {
    rememberPersona(context.cookies, { slug: resolution.slug, isExplicit: resolution.isExplicit });
  }
  context.locals.visitor = visitor;
  context.locals.persona = chooseVariant(resolution, trackedVisitorId(visitor), holdoutSettings());
  if (pathname === '/' && context.request.method === 'GET') return serveHomePage(context, next);
  return next();
});
