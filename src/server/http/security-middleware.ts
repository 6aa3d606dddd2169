import { defineMiddleware } from 'astro:middleware';
import { ensureReady } from '../boot';
import { config } from '../config';
import { isCrossSiteRequest } from './origin-check';
import { jsonError, wantsJson } from './responses';

/** Requests larger than this are refused before any handler reads them. */
export const MAX_BODY_BYTES = 1_000_000;

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function refuse(request: Request, pathname: string, status: number, message: string): Response {
  const code =
    status === 403 ? 'FORBIDDEN' : status === 411 ? 'LENGTH_REQUIRED' : 'PAYLOAD_TOO_LARGE';
  if (wantsJson(request, pathname)) return jsonError(status, code, message);
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

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
 * Boots the process on the first request, refuses cross-site writes and oversized bodies,
 * and adds security headers to every response.
 */
export const security = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  await ensureReady();
  const { request, url } = context;
  const allowedOrigins = [url.origin, config().publicOrigin];
  if (isCrossSiteRequest(request.method, request.headers, allowedOrigins)) {
    return refuse(
      request,
      url.pathname,
      403,
      'This request came from another site and was refused, to protect your account from cross-site request forgery.',
    );
  }
  // A body without Content-Length (chunked) could not be measured before it is read, so it is
  // refused: browsers, beacons and HTTP clients all send the length for the bodies we accept.
  if (request.headers.has('transfer-encoding') && !request.headers.has('content-length')) {
    return refuse(
      request,
      url.pathname,
      411,
      'Send the request body with a Content-Length header.',
    );
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    return refuse(
      request,
      url.pathname,
      413,
      `The request body is too large (limit ${MAX_BODY_BYTES / 1_000_000} MB).`,
    );
  }
  return withSecurityHeaders(await next());
});
