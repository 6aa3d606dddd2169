import { defineMiddleware } from 'astro:middleware';
import { ensureReady } from '../boot';
import { SECURITY_HEADERS } from './security-headers';

function withSecurityHeaders(response: Response): Response {
  // Responses built with Response.redirect() have immutable headers; copy those first.
  let out = response;
  try {
    out.headers.set('x-content-type-options', 'nosniff');
  } catch {
    out = new Response(response.body, response);
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!out.headers.has(name)) out.headers.set(name, value);
  }
  return out;
}

/**
 * Adds security headers to every rendered response. The request policy (origin, body size)
 * runs earlier, in the edge server, before Astro sees the request; the boot has happened before
 * the server listens, so awaiting it here is a settled promise (kept for `astro dev`).
 */
export const security = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  await ensureReady();
  return withSecurityHeaders(await next());
});
