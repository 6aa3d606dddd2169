import type { ResolvedPersona } from '../../lib/personas/types';
import { processSingleton } from '../process-state';
import { brotli, gzip } from './compression';

/**
 * The personalised home page, rendered once per (persona, variant, content build) for visitors
 * without a session and then served by the edge from memory (home-fast-path.ts), compressed
 * once. Signed-in visitors see their name in the header, so theirs is rendered every time. The
 * map is per process and shared by the edge and Astro's bundle (process-state.ts).
 */
export interface CachedHomePage {
  html: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const MAX_ENTRIES = 64;
const cache = processSingleton('home-page-cache', () => new Map<string, CachedHomePage>());
const build = processSingleton('content-build', () => ({ id: 'dev' }));

export const HOME_HEADERS = {
  'content-type': 'text/html',
  // The HTML depends on cookies: never store it in a shared cache.
  'cache-control': 'private, no-store',
  vary: 'Cookie, Accept-Encoding',
};

/** Set by the edge at start from its build output, so a new build never serves old pages. */
export function setContentBuild(id: string): void {
  build.id = id;
  cache.clear();
}

export function homeCacheKey(
  persona: ResolvedPersona | null,
  isSignedIn: boolean,
  now = new Date(),
): string | null {
  if (isSignedIn || !persona) return null;
  // The footer shows the year.
  return `${build.id}|${now.getUTCFullYear()}|${persona.variant}|${persona.slug ?? ''}`;
}

export function cachedHomePage(key: string | null): CachedHomePage | undefined {
  return key === null ? undefined : cache.get(key);
}

/** Buffers a rendered `/` and keeps it for visitors without a session. */
export async function rememberHomePage(
  response: Response,
  persona: ResolvedPersona | null,
  isSignedIn: boolean,
): Promise<Response> {
  if (response.status !== 200) return response;
  const html = Buffer.from(await response.text());
  const key = homeCacheKey(persona, isSignedIn);
  if (key && !cache.has(key) && cache.size < MAX_ENTRIES) {
    cache.set(key, { html, br: brotli(html), gzip: gzip(html) });
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(HOME_HEADERS)) headers.set(name, value);
  return new Response(html, { status: 200, headers });
}
