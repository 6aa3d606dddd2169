import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding } from './compression';
import { HeaderCookieJar } from './cookie-jar';
import { cachedHomePage, HOME_HEADERS, homeCacheKey } from './home-page-cache';
import { headerOf, nodeClientIp } from './node-request';
import { SECURITY_HEADERS } from './security-headers';
import { closeVisit, openVisit, type VisitRequest } from './visit';

/**
 * `/` for a visitor without a session, from the render cache, without entering Astro: the same
 * openVisit/closeVisit as a rendered page (cookies, holdout, exposure, page view, referral), so
 * the two paths cannot drift. Answers false, having sent nothing, when the page for this
 * visitor's persona and variant is not cached yet; Astro then renders (and caches) it.
 */
export async function serveHomeFromCache(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  publicOrigin: string,
): Promise<boolean> {
  const cookies = new HeaderCookieJar(req.headers.cookie);
  const request: VisitRequest = {
    method: req.method ?? 'GET',
    url,
    header: (name) => headerOf(req, name),
    cookies,
    clientIp: () => nodeClientIp(req),
    userId: null,
    publicOrigin,
  };
  const visit = await openVisit(request);
  const page = cachedHomePage(homeCacheKey(visit.persona, false));
  if (!page) return false;
  await closeVisit(request, visit, { status: 200, contentType: HOME_HEADERS['content-type'] });
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.html;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...HOME_HEADERS,
    'content-length': body.length,
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...(cookies.setCookies.length > 0 ? { 'set-cookie': cookies.setCookies } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
