import type { APIContext, MiddlewareNext } from 'astro';
import type { ResolvedPersona } from '../../lib/personas/types';
import { config } from '../config';
import { getDb } from '../db';
import { exposureEvent } from './exposure';
import { groupCommitFor } from '../events/group-commit';
import { trackPageView } from '../http/analytics-middleware';

/**
 * The personalised home page, rendered once per (variant, persona) and then served from
 * memory. Its HTML depends only on what is shown and on the switcher's selection (both in the
 * key) for signed-out visitors; signed-in visitors see their name in the header, so their
 * pages are rendered every time. The cache lives as long as the process (content is built in).
 */
const rendered = new Map<string, Uint8Array<ArrayBuffer>>();
const encoder = new TextEncoder();
const MAX_ENTRIES = 64;

const HEADERS = {
  'content-type': 'text/html',
  // The HTML depends on cookies: never store it in a shared cache.
  'cache-control': 'private, no-store',
  vary: 'Cookie',
};

export function homeCacheKey(
  persona: ResolvedPersona | null,
  isSignedIn: boolean,
  now = new Date(),
): string | null {
  if (isSignedIn || !persona) return null;
  // The footer shows the year.
  return `${now.getUTCFullYear()}|${persona.variant}|${persona.slug ?? ''}`;
}

async function render(next: MiddlewareNext, key: string | null): Promise<Response> {
  const response = await next();
  if (response.status !== 200) return response;
  const html = encoder.encode(await response.text());
  if (key && rendered.size < MAX_ENTRIES) rendered.set(key, html);
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
  return new Response(html, { status: 200, headers });
}

/**
 * Serves `/` and logs `experience_viewed` for it. The event is committed after the HTML exists
 * and before it is sent (group commit: see group-commit.ts), so the log holds exactly the
 * variants that were served: a page that fails to render logs nothing, and a failed write fails
 * the request rather than the log.
 */
export async function serveHomePage(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const { persona, visitor, user } = context.locals;
  const key = homeCacheKey(persona, !!user);
  const cached = key ? rendered.get(key) : undefined;
  // A rendered page passes the analytics middleware; a cached one records its view here.
  const response =
    cached !== undefined
      ? trackPageView(context)(new Response(cached, { status: 200, headers: HEADERS }))
      : await render(next, key);
  if (response.status !== 200 || !persona || !visitor) return response;
  const event = exposureEvent({
    persona,
    visitor,
    url: context.url,
    referrer: context.request.headers.get('referer'),
    ownOrigins: [context.url.origin, config().publicOrigin],
    userId: user?.id ?? null,
  });
  if (event) await groupCommitFor(getDb()).record(event);
  return response;
}
