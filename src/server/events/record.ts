import { isoNow } from '../../lib/time';
import type { EventType } from '../../lib/events';
import type { DbOrTx } from '../db';

export interface EventInput {
  type: EventType;
  visitorId: string;
  occurredAt?: string;
  sessionId?: string | null;
  userId?: string | null;
  persona?: string | null;
  variant?: string | null;
  personaSource?: string | null;
  path?: string | null;
  referrerHost?: string | null;
  utm?: Partial<Record<'source' | 'medium' | 'campaign' | 'content' | 'term', string | null>>;
  partnerRef?: string | null;
  properties?: Record<string, unknown>;
}

function toRow(event: EventInput, receivedAt: string) {
  return {
    occurred_at: event.occurredAt ?? receivedAt,
    received_at: receivedAt,
    type: event.type,
    visitor_id: event.visitorId,
    session_id: event.sessionId ?? null,
    user_id: event.userId ?? null,
    persona: event.persona ?? null,
    variant: event.variant ?? null,
    persona_source: event.personaSource ?? null,
    path: event.path ?? null,
    referrer_host: event.referrerHost ?? null,
    utm_source: event.utm?.source ?? null,
    utm_medium: event.utm?.medium ?? null,
    utm_campaign: event.utm?.campaign ?? null,
    utm_content: event.utm?.content ?? null,
    utm_term: event.utm?.term ?? null,
    partner_ref: event.partnerRef ?? null,
    properties: JSON.stringify(event.properties ?? {}),
  };
}

/**
 * Records events the application itself causes (a page rendered for a persona, a lead
 * created, a deal registered…). Call it with the transaction that causes the event, so the
 * log never disagrees with the data. Analytics rollups hook in here.
 */
export async function recordEvents(
  db: DbOrTx,
  events: EventInput[],
  now: Date = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  const receivedAt = isoNow(now);
  await db
    .insertInto('events')
    .values(events.map((e) => toRow(e, receivedAt)))
    .execute();
}

export async function recordEvent(
  db: DbOrTx,
  event: EventInput,
  now: Date = new Date(),
): Promise<void> {
  await recordEvents(db, [event], now);
}
