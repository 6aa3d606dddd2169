import { isBot } from '../../lib/analytics/bots';
import { MAX_BATCH_BYTES } from '../../lib/analytics/client-events';
import { PERSONA_COOKIE, parsePersonaCookie, refusesTracking } from '../../lib/personas/cookies';
import { FloodGuard } from '../analytics/flood-guard';
import { ingestBatch } from '../analytics/ingest';
import { REFERRAL_COOKIE } from '../analytics/referral';
import { cookielessVisitorId } from '../analytics/visitor-hash';
import { sha256Hex } from '../auth/tokens';
import { config } from '../config';
import { getDb } from '../db';
import { identifyVisitor } from '../personas/request-context';
import { metrics } from '../metrics';
import { processSingleton } from '../process-state';
import type { CookieJar } from './cookie-jar';
import { errorResponse, jsonError } from './responses';

export interface BeaconRequest {
  request: Request;
  url: URL;
  cookies: CookieJar;
  clientIp: () => string;
  userId: string | null;
}

// BEACON_BURST batches at once, refilled at BEACON_RATE per second, per client address.
// Made on first use, not at import: the configuration is read (and checked) at start, so a
// bad setting is reported by main.ts as one line rather than thrown while modules load.
const floodGuard = () =>
  processSingleton(
    'beacon-flood-guard',
    () => new FloodGuard(config().beacon.burst, config().beacon.ratePerSecond),
  );

/**
 * The analytics beacon: `navigator.sendBeacon('/api/events', JSON.stringify({ events }))` or
 * fetch with keepalive. 202 with the number stored; 400 with a reason per event; 413 over
 * 64 KB; 429 with Retry-After when one client floods. The edge answers it; the Astro route
 * (src/pages/api/events.ts) calls the same function under `astro dev`.
 */
export async function handleBeacon(input: BeaconRequest): Promise<Response> {
  const { request, cookies, url } = input;
  const ip = input.clientIp();
  const userAgent = request.headers.get('user-agent');
  // Keyed on the address alone: a client that changes its user agent is still one client.
  const limit = floodGuard().take(sha256Hex(ip));
  if (!limit.allowed) {
    return jsonError(
      429,
      'TOO_MANY_REQUESTS',
      'Too many analytics batches from this client; slow down.',
      { headers: { 'retry-after': String(limit.retryAfterSeconds) } },
    );
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BATCH_BYTES) {
    return jsonError(
      413,
      'PAYLOAD_TOO_LARGE',
      `A batch may be at most ${MAX_BATCH_BYTES / 1024} KB.`,
    );
  }
  const db = getDb();
  try {
    const body = await request.text();
    const isBotAgent = isBot(userAgent);
    // A bot's batch is validated like any other (a broken client still learns why), then
    // dropped quietly: it gets no visitor cookie and costs no visitor lookup.
    // A prerendered page cannot set the visitor cookie, so its beacon's response does.
    const refuses = refusesTracking(request.headers);
    const visitorId = isBotAgent
      ? 'bot'
      : refuses
        ? await cookielessVisitorId(db, { site: url.host, ip, userAgent: userAgent ?? '' })
        : identifyVisitor(cookies, false).id;
    const result = await ingestBatch(db, {
      body,
      isBot: isBotAgent,
      visitorId,
      siteHost: url.hostname,
      persona: parsePersonaCookie(cookies.get(PERSONA_COOKIE))?.slug ?? null,
      referral: refuses ? null : (cookies.get(REFERRAL_COOKIE) ?? null),
      userId: input.userId,
    });
    metrics.events.inc({ outcome: 'stored' }, result.stored);
    metrics.events.inc({ outcome: 'duplicate' }, result.duplicates);
    return Response.json(result, { status: 202 });
  } catch (error) {
    metrics.events.inc({ outcome: 'refused_batch' });
    return errorResponse(error);
  }
}
