import { isBot } from '../../lib/analytics/bots';
import { externalReferrerHost } from '../../lib/analytics/referrer';
import { PERSONA_COOKIE, refusesTracking } from '../../lib/personas/cookies';
import { chooseVariant, resolvePersona } from '../../lib/personas/resolve';
import type { ResolvedPersona, Visitor } from '../../lib/personas/types';
import { EventBuffer } from '../analytics/event-buffer';
import { currentReferral } from '../analytics/referral';
import { cookielessVisitorId } from '../analytics/visitor-hash';
import { detectionRules } from '../content/persona-content';
import { getDb } from '../db';
import { groupCommitFor } from '../analytics/group-commit';
import { exposureEvent } from '../personas/exposure';
import {
  identifyVisitor,
  rememberPersona,
  trackedVisitorId,
  utmFrom,
} from '../personas/request-context';
import { holdoutSettings } from '../personas/settings';
import { processSingleton } from '../process-state';
import type { CookieJar } from './cookie-jar';
import { publicPathname } from '../../lib/public-path';

/**
 * What the visit bookkeeping needs from a request, whoever answers it: Astro rendering a page,
 * or the edge serving `/` from its cache (src/server/http/home-fast-path.ts). Both call
 * openVisit before and closeVisit after, so the cookies and events of the two paths cannot drift.
 */
export interface VisitRequest {
  method: string;
  url: URL;
  header(name: string): string | null;
  cookies: CookieJar;
  clientIp: () => string;
  /** The signed-in user, if any (the edge's cached path only serves visitors without a session). */
  userId: string | null;
  publicOrigin: string;
}

export interface Visit {
  visitor: Visitor;
  persona: ResolvedPersona;
  /** Crawlers, previewers and monitors: no cookie, no event, never in an experiment. */
  isBot: boolean;
  /** The partner referral code that brought the visitor (`?ref=` or its cookie). */
  referral: string | null;
  /** When the request arrived: the time its events happened, whenever they are written. */
  at: Date;
}

/** Sources worth remembering in the persona cookie (the cookie itself and "no signal" are not). */
const REMEMBERED = new Set(['query', 'utm_audience', 'utm_campaign', 'referrer', 'path']);

/** Server-rendered page views, written in small batches (one buffer per process). */
export const pageViews = processSingleton('page-view-buffer', () => new EventBuffer(getDb));

function botVisitor(): Visitor {
  // Per request and never stored: a bot is never linked across requests nor counted.
  const id = `bot:${crypto.randomUUID()}`;
  return { id, isNew: false, refusesTracking: true, analyticsId: id, isBot: true };
}

/**
 * Starts a visit: the visitor (id cookie, or the day's salted hash under DNT/GPC), the persona
 * (see src/lib/personas/resolve.ts for the order) and its variant (holdout), the persona and
 * referral cookies. Bots get the page a person would, and nothing else.
 */
export async function openVisit(req: VisitRequest): Promise<Visit> {
  const at = new Date();
  const bot = isBot(req.header('user-agent'));
  const refuses = bot || refusesTracking({ get: (name) => req.header(name) });
  let visitor: Visitor;
  if (bot) visitor = botVisitor();
  else {
    visitor = identifyVisitor(req.cookies, refuses);
    if (refuses) {
      // Counted for analytics by the day's salted hash; nothing is stored in the browser.
      visitor.analyticsId = await cookielessVisitorId(getDb(), {
        site: req.url.host,
        ip: req.clientIp(),
        userAgent: req.header('user-agent') ?? '',
      });
    }
  }
  const resolution = resolvePersona(
    {
      queryPersona: req.url.searchParams.get('persona'),
      cookie: req.cookies.get(PERSONA_COOKIE) ?? null,
      utmAudience: req.url.searchParams.get('utm_audience'),
      utmCampaign: req.url.searchParams.get('utm_campaign'),
      referrer: req.header('referer'),
      ownOrigins: [req.url.origin, req.publicOrigin],
      path: publicPathname(req.url.pathname),
    },
    detectionRules(),
  );
  // An inference is remembered only for visitors who accept an id; an explicit choice is a
  // preference the visitor asked us to keep, so it is remembered either way (never for bots).
  if (
    !bot &&
    resolution.slug &&
    REMEMBERED.has(resolution.source) &&
    (!refuses || resolution.isExplicit)
  ) {
    rememberPersona(req.cookies, { slug: resolution.slug, isExplicit: resolution.isExplicit });
  }
  const persona = chooseVariant(resolution, trackedVisitorId(visitor), holdoutSettings());
  const referral = bot ? null : currentReferral(req.url, req.cookies, !refuses);
  return { visitor, persona, isBot: bot, referral, at };
}

/**
 * Ends a visit once its response exists: the page view (buffered) for an HTML page, and for
 * `/` the `experience_viewed` exposure, committed before the response is sent (group commit),
 * so the log holds exactly the variants that were served.
 */
export async function closeVisit(
  req: VisitRequest,
  visit: Visit,
  response: { status: number; contentType: string | null },
): Promise<void> {
  if (visit.isBot || req.method !== 'GET' || response.status !== 200) return;
  if (!(response.contentType ?? '').includes('text/html')) return;
  const path = publicPathname(req.url.pathname);
  const { visitor, persona } = visit;
  pageViews.push({
    type: 'page_view',
    // Stamped with the request's time, not the buffer's flush, so a flow's page views stay
    // before the lead they led to.
    occurredAt: visit.at.toISOString(),
    visitorId: visitor.analyticsId,
    userId: req.userId,
    persona: persona.variant === 'personalized' ? persona.slug : null,
    personaSource: persona.source,
    path,
    referrerHost: externalReferrerHost(req.header('referer'), req.url.hostname),
    utm: utmFrom(req.url),
    partnerRef: visit.referral,
  });
  if (path !== '/') return;
  const exposure = exposureEvent(
    {
      persona,
      visitor,
      url: req.url,
      referrer: req.header('referer'),
      ownOrigins: [req.url.origin, req.publicOrigin],
      userId: req.userId,
    },
    visit.at,
  );
  if (exposure) await groupCommitFor(getDb()).record(exposure);
}
