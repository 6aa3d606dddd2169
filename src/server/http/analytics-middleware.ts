import { defineMiddleware } from 'astro:middleware';
import { rememberHomePage } from './home-page-cache';
import { astroVisitRequest } from './persona-middleware';
import { closeVisit } from './visit';

/**
 * Closes the visit of a page rendered on demand: its page view and, for `/`, its exposure
 * (prerendered pages use the inline beacon). A rendered `/` is kept for the edge's cache first,
 * so the exposure is stored only once the HTML exists.
 */
export const analytics = defineMiddleware(async (context, next) => {
  const { visit } = context.locals;
  if (!visit) return next();
  let response = await next();
  const request = astroVisitRequest(context);
  if (context.url.pathname === '/' && context.request.method === 'GET') {
    response = await rememberHomePage(response, visit.persona, !!context.locals.user);
  }
  await closeVisit(request, visit, {
    status: response.status,
    contentType: response.headers.get('content-type'),
  });
  return response;
});
