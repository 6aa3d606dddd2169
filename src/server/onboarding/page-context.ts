import type { Visitor } from '../../lib/personas/types';
import { trackedVisitorId, utmFrom } from '../personas/request-context';
import type { FlowVisitor } from './visitor';

/** A partner referral code, as links carry it (`?ref=`) and the referral cookie keeps it. */
export const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a flow visit came from: the campaign (UTM) and the partner who referred it. */
export interface FlowAttribution {
  utm: FlowVisitor['utm'];
  referralCode: string | null;
}

/** The attribution of a /start/<slug> request: UTM and `?ref=` from the address, else the cookie. */
export function flowAttributionFor(
  url: URL,
  /** The partner referral already attributed to this visit (link or remembered cookie). */
  referral: string | null = null,
): FlowAttribution {
  const utm = utmFrom(url);
  const ref = url.searchParams.get('ref')?.trim() ?? '';
  return {
    utm: { source: utm.source, medium: utm.medium, campaign: utm.campaign },
    referralCode: REFERRAL_CODE.test(ref)
      ? ref
      : referral && REFERRAL_CODE.test(referral)
        ? referral
        : null,
  };
}

/** The flow visitor from what the middleware recognised, the resume token and the attribution. */
export function flowVisitorFrom(
  visitor: Visitor | null,
  resumeToken: string | null,
  attribution: FlowAttribution,
  clientIp: string | null = null,
): FlowVisitor {
  return {
    trackedId: trackedVisitorId(visitor),
    analyticsId: visitor?.analyticsId ?? null,
    isBot: visitor?.isBot === true,
    isReturning: !!visitor && !visitor.isNew && !visitor.refusesTracking,
    resumeToken: resumeToken?.trim().slice(0, 64) || null,
    utm: attribution.utm,
    referralCode: attribution.referralCode,
    clientIp,
  };
}

/** The flow visitor for a /start/<slug> request: cookie id (or resume token), UTM and referral code. */
export function flowVisitorFor(
  visitor: Visitor | null,
  url: URL,
  resumeToken: string | null,
  referral: string | null = null,
  clientIp: string | null = null,
): FlowVisitor {
  return flowVisitorFrom(visitor, resumeToken, flowAttributionFor(url, referral), clientIp);
}

/** The flow's address, carrying the resume token for visitors without an id cookie. */
export function flowHref(slug: string, resumeToken: string | null, step?: string): string {
  const params = new URLSearchParams();
  if (resumeToken) params.set('resume', resumeToken);
  if (step) params.set('step', step);
  const query = params.toString();
  return `/start/${slug}${query ? `?${query}` : ''}`;
}
