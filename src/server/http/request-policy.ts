/**
 * The one request policy, applied by the edge server before any handler runs (Astro's own
 * `checkOrigin` is off). It reads headers only, so it never consumes a body.
 */

import { HTTP_STATUS, type AppErrorCode } from '../errors';

/** Requests larger than this are refused before any handler reads them. */
export const MAX_BODY_BYTES = 1_000_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type RefusalCode = Extract<AppErrorCode, 'FORBIDDEN' | 'LENGTH_REQUIRED' | 'PAYLOAD_TOO_LARGE'>;

export interface Refusal {
  status: (typeof HTTP_STATUS)[RefusalCode];
  code: RefusalCode;
  message: string;
}

export interface PolicyInput {
  method: string;
  pathname: string;
  /** Lower-case header names, as node:http gives them. */
  header(name: string): string | undefined;
  /** Origins that count as ours for this request (PUBLIC_ORIGIN and the allowed Host). */
  allowedOrigins: readonly string[];
  sessionCookieName: string;
}

const CROSS_SITE: Refusal = {
  status: 403,
  code: 'FORBIDDEN',
  message:
    'This request came from another site and was refused, to protect your account from cross-site request forgery.',
};

function hasCookie(cookieHeader: string | undefined, name: string): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const at = part.indexOf('=');
    return at !== -1 && part.slice(0, at).trim() === name && part.slice(at + 1).trim() !== '';
  });
}

function isSameOrigin(input: PolicyInput): boolean {
  const origin = input.header('origin');
  if (origin !== undefined) return input.allowedOrigins.includes(origin);
  return input.header('sec-fetch-site') === 'same-origin';
}

/** A browser said this request comes from another site (no claim either way is not a signal). */
function isMarkedCrossSite(input: PolicyInput): boolean {
  const origin = input.header('origin');
  if (origin !== undefined) return !input.allowedOrigins.includes(origin);
  const site = input.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Null when the request may go on; otherwise why it is refused. The rules:
 * - bodies need a length (chunked bodies cannot be measured before they are read) and stay
 *   under MAX_BODY_BYTES, on every route;
 * - `/api/v1` with `Authorization: Bearer` is a partner's server: it never reads cookies, so
 *   there is nothing to forge and no Origin is asked for (body-less POSTs included);
 * - an RFC 8058 one-click unsubscribe comes from a mail provider's server, without Origin;
 * - a write that carries our session cookie must show it is same-origin (Origin, or
 *   Sec-Fetch-Site: same-origin): that is the cross-site request forgery rule;
 * - a write without the cookie that a browser marks as cross-site is refused too (it stops
 *   login forgery: signing a victim in to an attacker's account).
 */
export function refusalFor(input: PolicyInput): Refusal | null {
  const length = input.header('content-length');
  if (input.header('transfer-encoding') !== undefined && length === undefined) {
    return {
      status: 411,
      code: 'LENGTH_REQUIRED',
      message: 'Send the request body with a Content-Length header.',
    };
  }
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is too large (limit ${MAX_BODY_BYTES / 1_000_000} MB).`,
    };
  }
  const method = input.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  const isApiKeyCall =
    input.pathname.startsWith('/api/v1/') &&
    /^bearer\s+\S/i.test(input.header('authorization') ?? '');
  if (isApiKeyCall) return null;
  if (method === 'POST' && input.pathname.startsWith('/unsubscribe/')) return null;
  if (hasCookie(input.header('cookie'), input.sessionCookieName)) {
    return isSameOrigin(input) ? null : CROSS_SITE;
  }
  return isMarkedCrossSite(input) ? CROSS_SITE : null;
}

/**
 * The refusal in the shape the route's clients read: tRPC's error envelope on /api/trpc (an
 * array for a batch, one entry per call, so @trpc/client can read it), the REST error body on
 * other API routes and for JSON clients, plain text for a browser's page request.
 */
export function refusalBody(
  refusal: Refusal,
  pathname: string,
  search: string,
  accept: string | undefined,
): { contentType: string; body: string } {
  if (pathname.startsWith('/api/trpc/')) {
    const paths = safeDecode(pathname.slice('/api/trpc/'.length)).split(',');
    const one = (path: string) => ({
      error: {
        message: refusal.message,
        // JSON-RPC codes as tRPC numbers them (FORBIDDEN, PAYLOAD_TOO_LARGE, BAD_REQUEST).
        code: refusal.status === 403 ? -32003 : refusal.status === 413 ? -32013 : -32600,
        data: { code: refusal.code, httpStatus: refusal.status, path },
      },
    });
    const isBatch = new URLSearchParams(search).get('batch') === '1';
    return {
      contentType: 'application/json',
      body: JSON.stringify(isBatch ? paths.map(one) : one(paths[0] ?? '')),
    };
  }
  if (pathname.startsWith('/api/') || (accept ?? '').includes('application/json')) {
    return {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ error: { code: refusal.code, message: refusal.message } }),
    };
  }
  return { contentType: 'text/plain; charset=utf-8', body: refusal.message };
}

/** A path segment decoded, or kept as sent when its percent-encoding is malformed. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
