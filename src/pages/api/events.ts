import type { APIRoute } from 'astro';
import { handleBeacon } from '../../server/http/beacon';
import { clientIp } from '../../server/http/client-ip';
import { astroCookieJar } from '../../server/http/cookie-jar';

/** The beacon under `astro dev`; in production the edge answers /api/events (server.ts). */
export const POST: APIRoute = (context) =>
  handleBeacon({
    request: context.request,
    url: context.url,
    cookies: astroCookieJar(context.cookies),
    clientIp: () => clientIp(context),
    userId: context.locals.user?.id ?? null,
  });
