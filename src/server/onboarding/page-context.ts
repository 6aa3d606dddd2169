import type { Visitor } from '../../lib/personas/types';
import { trackedVisitorId, utmFrom } from '../personas/request-context';
import type { FlowVisitor } from './visitor';

const REF = /^[A-Za-z0-9_-]{1,64}$/;

/** The flow visitor for a /start/<slug> request: cookie id (or resume token), UTM and referral code. */
export function flowVisitorFor(
  visitor: Visitor | null,
  url: URL,
  resumeToken: string | null,
  /** The partner referral already attributed to this visit (link or remembered cookie). */
  referral: string | null = null,
  clientIp: string | null = null,
): FlowVisitor {
  const utm = utmFrom(url);
  const ref = url.searchParams.get('ref')?.trim() ?? '';
  return {
    trackedId: trackedVisitorId(visitor),
    analyticsId: visitor?.analyticsId ?? null,
    isBot: visitor?.isBot === true,
    isReturning: !!visitor && !visitor.isNew && !visitor.refusesTracking,
    resumeToken: resumeToken?.trim().slice(0, 64) || null,
    utm: { source: utm.source, medium: utm.medium, campaign: utm.campaign },
    referralCode: REF.test(ref) ? ref : referral && REF.test(referral) ? referral : null,
    clientIp,
  };
}

/** The flow's address, carrying the resume token for visitors without an id cookie. */
export function flowHref(slug: string, resumeToken: string | null, step?: string): string {
  const params = new URLSearchParams();
  if (resumeToken) params.set('resume', resumeToken);
  if (step) params.set('step', step);
  const query = params.toString();
  return `/start/${slug}${query ? `?${query}` : ''}`;
}
