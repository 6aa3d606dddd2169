import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { config } from '../config';
import { clientIp } from './client-ip';
import { astroCookieJar } from './cookie-jar';
import { openVisit, type VisitRequest } from './visit';

/** The visit bookkeeping's view of a request Astro renders. */
export function astroVisitRequest(context: APIContext): VisitRequest {
  return {
    method: context.request.method,
    url: context.url,
    header: (name) => context.request.headers.get(name),
    cookies: astroCookieJar(context.cookies),
    clientIp: () => clientIp(context),
    userId: context.locals.user?.id ?? null,
    publicOrigin: config().publicOrigin,
  };
}

/**
 * Opens the visit (visitor, persona, variant, cookies: see visit.ts) for every page rendered on
 * demand. Prerendered pages are built without a request, so they get none; API routes do not
 * need one.
 */
export const persona = defineMiddleware(async (context, next) => {
  context.locals.persona = null;
  context.locals.visitor = null;
  context.locals.visit = null;
  const { pathname } = context.url;
  if (context.isPrerendered || pathname.startsWith('/api/') || pathname.startsWith('/_')) {
    return next();
  }
  const visit = await openVisit(astroVisitRequest(context));
  context.locals.visit = visit;
  context.locals.visitor = visit.visitor;
  context.locals.persona = visit.persona;
  return next();
});
