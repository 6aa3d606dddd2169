import type { Answers } from '../../lib/personas/fields';
import { isoNow } from '../../lib/time';
import { newId } from '../../lib/ids';
import type { Flow } from '../../lib/content/flow-schemas';
import { randomToken, sha256Hex } from '../auth/tokens';
import type { DbOrTx } from '../db';
import { recordEvent } from '../analytics/record-event';
import type { FlowProgress } from '../schema';
import * as repo from './repository';

/** Who is going through a flow, as the page knows them. */
export interface FlowVisitor {
  /** The visitor id cookie; null when the browser sends DNT/GPC. */
  trackedId: string | null;
  /**
   * The id the visitor's page views carry (the cookie id, or the day's salted hash under
   * DNT/GPC), so the flow's events and its lead belong to the same visitor as those views.
   */
  analyticsId?: string | null;
  /** A crawler or HTTP library: the flow works, but it records no analytics event. */
  isBot?: boolean;
  /** The id cookie came with the request (not set by this response). */
  isReturning: boolean;
  /** From the page address, for visitors without an id cookie. */
  resumeToken: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null };
  /** A partner's referral code (`?ref=`), passed on to a partner application. */
  referralCode: string | null;
  /** The client address, for the completion limit only (hashed before it is stored). */
  clientIp?: string | null;
}

/** Resume tokens are randomToken(20): 32 characters of its base-32 alphabet. */
const RESUME_TOKEN = /^[a-z0-9]{32}$/;

export function parseAnswers(json: string): Answers {
  return JSON.parse(json) as Answers;
}

/**
 * The visitor id flow events carry: the one their page views carry (cookie id, or under
 * DNT/GPC the day's salted hash), else one id per flow run when no request context is known.
 */
export function eventVisitorId(visitor: FlowVisitor, progress: FlowProgress): string {
  return visitor.trackedId ?? visitor.analyticsId ?? `flow:${progress.id}`;
}

/**
 * The fields every event of a flow run carries: who, which persona and page, and the campaign
 * and partner referral that brought them (as stored with the progress).
 */
export function flowEventBase(flow: Flow, progress: FlowProgress, visitorId: string) {
  return {
    visitorId,
    persona: flow.persona,
    path: `/start/${flow.persona}`,
    utm: progressUtm(progress),
    partnerRef: progress.referral_code,
  };
}

/** The campaign that brought the visitor to the flow, as stored with the progress. */
export function progressUtm(progress: FlowProgress): FlowVisitor['utm'] {
  return {
    source: progress.utm_source,
    medium: progress.utm_medium,
    campaign: progress.utm_campaign,
  };
}

export async function findProgress(
  db: DbOrTx,
  flow: Flow,
  visitor: FlowVisitor,
): Promise<FlowProgress | undefined> {
  if (visitor.trackedId) return repo.findProgressForVisitor(db, visitor.trackedId, flow.id);
  if (visitor.resumeToken && RESUME_TOKEN.test(visitor.resumeToken)) {
    return repo.findProgressByResumeHash(db, sha256Hex(visitor.resumeToken), flow.id);
  }
  return undefined;
}

/**
 * Starts a flow for a visitor and records `flow_started` with it. A visitor without an id
 * cookie gets a resume token instead, returned once (only its hash is stored) to put in the
 * page address. The campaign that brought the visitor is this request's UTM, or else the
 * first UTM logged for them.
 */
export async function createProgress(
  db: DbOrTx,
  flow: Flow,
  visitor: FlowVisitor,
  now: Date,
): Promise<{ progress: FlowProgress; resumeToken: string | null }> {
  const at = isoNow(now);
  const resumeToken = visitor.trackedId ? null : randomToken(20);
  const firstTouch =
    !visitor.utm.source && visitor.trackedId
      ? await repo.findFirstTouchUtm(db, visitor.trackedId)
      : undefined;
  const row: FlowProgress = {
    id: newId(now.getTime()),
    flow_id: flow.id,
    persona: flow.persona,
    visitor_id: visitor.trackedId,
    resume_token_hash: resumeToken ? sha256Hex(resumeToken) : null,
    status: 'in_progress',
    attempt: 1,
    current_step: flow.steps[0]!.id,
    answers: '{}',
    referral_code: visitor.referralCode,
    utm_source: visitor.utm.source ?? firstTouch?.utm_source ?? null,
    utm_medium: visitor.utm.medium ?? firstTouch?.utm_medium ?? null,
    utm_campaign: visitor.utm.campaign ?? firstTouch?.utm_campaign ?? null,
    lead_id: null,
    started_at: at,
    updated_at: at,
    completed_at: null,
  };
  if (!(await repo.insertProgress(db, row))) {
    // Another request of the same visitor started it a moment ago; use that one.
    const existing = await findProgress(db, flow, visitor);
    if (existing) return { progress: existing, resumeToken: visitor.resumeToken };
  }
  if (!visitor.isBot)
    await recordEvent(
      db,
      {
        ...flowEventBase(flow, row, eventVisitorId(visitor, row)),
        type: 'flow_started',
        occurredAt: at,
        properties: { flowId: flow.id, progressId: row.id, attempt: 1 },
      },
      now,
    );
  return { progress: row, resumeToken };
}
