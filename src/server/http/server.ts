import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import compression from 'compression';
import { hasSignedInTwin, SIGNED_IN_PREFIX } from '../../lib/public-path';
import { sessionCookieName, sessionTokenFromHeader } from './session-cookie';
import { config } from '../config';
import { dialectOf, getDb } from '../db';
import { laneReports } from '../jobs/queue-report';
import { metrics, routeLabel } from '../metrics';
import { refusalBody, refusalFor } from './request-policy';
import { chooseEncoding } from './compression';
import { headerOf, nodeClientIp } from './node-request';
import { SECURITY_HEADERS } from './security-headers';
import { staticResponse, type StaticFile } from './static-files';
import { handleTrpc } from './trpc-edge';
import { apiNotFound, matchPartnerApi } from './api-routes';
import { handleBeacon } from './beacon';
import { HeaderCookieJar } from './cookie-jar';
import { edgeSession } from './edge-session';
import { fetchRequest, sendFetchResponse } from './fetch-bridge';
import { serveHomeFromCache } from './home-fast-path';
import { methodNotAllowed } from './partner-api-handler';

/** Astro's request handler in `mode: 'middleware'` (dist/server/entry.mjs exports it). */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface EdgeOptions {
  astro: AstroHandler;
  staticFiles: Map<string, StaticFile>;
  /** Hostnames we answer for: PUBLIC_ORIGIN's, ALLOWED_HOSTS, both loopback names together. */
  allowedHosts: ReadonlySet<string>;
  isReady: () => boolean;
}

/** PUBLIC_ORIGIN's host and ALLOWED_HOSTS, read when the server starts (never at build time). */
export function allowedHostsFrom(publicOrigin: string, allowedHostsEnv: string | undefined) {
  // Host names compare case-insensitively, and a listed port is ignored (the Host's is too).
  const hosts = new Set([new URL(publicOrigin).hostname.toLowerCase()]);
  for (const host of (allowedHostsEnv ?? '').split(',')) {
    if (host.trim()) hosts.add(hostnameOf(host.trim()));
  }
  if (hosts.has('localhost') || hosts.has('127.0.0.1')) {
    hosts.add('localhost');
    hosts.add('127.0.0.1');
  }
  return hosts;
}

function hostnameOf(hostHeader: string): string {
  const host = hostHeader.toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

function sendJson(res: ServerResponse, status: number, body: unknown, contentType?: string) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType ?? 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Prometheus text for operators: off (404) unless METRICS_TOKEN is set, and then only with
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
 */
async function serveMetrics(req: IncomingMessage, res: ServerResponse) {
  const token = config().metricsToken;
  if (!token) {
    return sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: 'Metrics are off. Set METRICS_TOKEN to turn them on.' },
    });
  }
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.setHeader('www-authenticate', 'Bearer realm="chasm-metrics"');
    return sendJson(res, 401, {
      error: {
        code: 'UNAUTHORIZED',
        message: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.',
      },
    });
  }
  const text = await metrics.registry.metrics();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': metrics.registry.contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Liveness and database reachability, for load balancers and `npm start`: always JSON. */
async function health(res: ServerResponse, isReady: boolean) {
  const db = getDb();
  const dialect = dialectOf(db);
  if (!isReady) {
    return sendJson(res, 503, { ok: false, db: dialect, error: 'Chasm is starting.' });
  }
  try {
    await sql`select 1`.execute(db);
    // Queue lag per lane: how much is due and how long the oldest has waited, for alerting.
    const queues = Object.fromEntries(
      (await laneReports(db)).map((l) => [
        l.lane,
        { due: l.due, oldestDueSeconds: l.oldestDueSeconds },
      ]),
    );
    sendJson(res, 200, { ok: true, db: dialect, queues });
  } catch {
    sendJson(res, 503, { ok: false, db: dialect, error: 'The database is not reachable.' });
  }
}

/** Dynamic responses (pages, tRPC, API) are compressed on the fly; static files were at build. */
const compress = compression({ threshold: 1024 });

function compressed(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((next) => {
    compress(req as never, res as never, () => next());
  });
}

/** The URL Astro would see: scheme from the socket (or a trusted proxy), host from Host. */
function requestUrl(req: IncomingMessage, rawUrl: string): URL {
  const forwarded = config().trustProxy ? headerOf(req, 'x-forwarded-proto') : null;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const scheme =
    forwarded === 'https' || forwarded === 'http' ? forwarded : encrypted ? 'https' : 'http';
  // rawUrl always starts with a single "/" here (callers match the pathname first).
  return new URL(`${scheme}://${req.headers.host ?? 'localhost'}${rawUrl}`);
}

/** The beacon at the edge: the same handler as the Astro route, with the edge's session. */
async function beacon(req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'POST') return sendFetchResponse(res, methodNotAllowed(['POST'])());
  const { session, setCookies } = await edgeSession(req);
  const cookies = new HeaderCookieJar(req.headers.cookie);
  const response = await handleBeacon({
    request: fetchRequest(req, url),
    url,
    cookies,
    clientIp: () => nodeClientIp(req),
    userId: session.user?.id ?? null,
  });
  return sendFetchResponse(res, response, [...setCookies, ...cookies.setCookies]);
}

async function partnerApi(req: IncomingMessage, res: ServerResponse, url: URL) {
  const { route, params } = matchPartnerApi(req.method ?? 'GET', url.pathname);
  const response = await route({ request: fetchRequest(req, url), url, params });
  return sendFetchResponse(res, response);
}

/**
 * The edge: every request meets the request policy first, then static files (from memory),
 * the hot paths outside Astro (health, tRPC, the partner API, the beacon, `/` from the render
 * cache), and finally Astro for pages. A signed-in visitor's persona or solution page is
 * rendered on demand (its twin under /signed-in) so the header is theirs.
 */
export function createEdgeServer(options: EdgeOptions): Server {
  const { astro, staticFiles, allowedHosts } = options;
  const publicOrigin = config().publicOrigin;
  const cookieName = sessionCookieName();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(hostnameOf(host))) {
      return sendJson(res, 421, {
        error: {
          code: 'MISDIRECTED_REQUEST',
          message: `This server does not answer for the host "${host}". Add it to ALLOWED_HOSTS.`,
        },
      });
    }
    const refusal = refusalFor({
      method: req.method ?? 'GET',
      pathname,
      header: (name) => headerOf(req, name) ?? undefined,
      allowedOrigins: [publicOrigin, `http://${host}`, `https://${host}`],
      sessionCookieName: cookieName,
    });
    if (refusal) {
      const { contentType, body } = refusalBody(refusal, pathname, search, req.headers.accept);
      res.writeHead(refusal.status, {
        ...SECURITY_HEADERS,
        'content-type': contentType,
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      });
      return res.end(body);
    }
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    const hasSession = sessionTokenFromHeader(req.headers.cookie) !== undefined;
    if (isRead) {
      const file = staticFiles.get(pathname);
      const isTwinned =
        hasSession &&
        file?.headers['content-type']?.startsWith('text/html') &&
        hasSignedInTwin(pathname);
      if (file && !isTwinned) {
        const out = staticResponse(
          file,
          req.headers['accept-encoding'],
          req.headers['if-none-match'],
        );
        res.writeHead(out.status, out.headers);
        return res.end(req.method === 'HEAD' ? undefined : (out.body ?? undefined));
      }
      if (isTwinned) req.url = SIGNED_IN_PREFIX + rawUrl;
      if (pathname === '/api/health') return health(res, options.isReady());
      if (pathname === '/metrics') return serveMetrics(req, res);
      if (pathname === '/' && !hasSession) {
        const url = requestUrl(req, rawUrl);
        if (await serveHomeFromCache(req, res, url, publicOrigin)) return;
      }
    }
    // The compression middleware costs about a sixth of a small tRPC call even when it ends up
    // sending identity; a client that accepts no encoding does not pay for it.
    if (chooseEncoding(req.headers['accept-encoding'])) await compressed(req, res);
    if (pathname.startsWith('/api/')) {
      if (pathname.startsWith('/api/trpc/')) return handleTrpc(req, res, pathname);
      const url = requestUrl(req, rawUrl);
      if (pathname === '/api/events') return beacon(req, res, url);
      if (pathname.startsWith('/api/v1/')) return partnerApi(req, res, url);
      return sendFetchResponse(res, apiNotFound(pathname));
    }
    await astro(req, res);
  }

  return createServer((req, res) => {
    const started = performance.now();
    res.once('finish', () => {
      const route = routeLabel((req.url ?? '/').split('?')[0] ?? '/');
      metrics.requests.inc({ route, status: String(res.statusCode) });
      metrics.latency.observe({ route }, (performance.now() - started) / 1000);
    });
    handle(req, res).catch((error: unknown) => {
      console.error(`[http] ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) {
        sendJson(res, 500, {
          error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again.' },
        });
      } else res.destroy();
    });
  });
}
