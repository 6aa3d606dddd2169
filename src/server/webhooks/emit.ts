import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import type { WebhookEvent } from '../../lib/deals/webhook-events';
import type { DbOrTx } from '../db';
import type { DealRow } from '../deals/repository';
import type { WebhookEndpoint } from '../schema';
import { enqueueJob } from '../jobs/queue';
import { dealResource } from '../partner-api/resources';
import * as repo from './repository';

/**
 * A delivery is tried this many times before it is marked failed. The job runner waits
 * 30 s × 2^(n−1) after the n-th failure, so ten tries span about four hours.
 */
export const WEBHOOK_MAX_ATTEMPTS = 10;
export const WEBHOOK_JOB = 'webhook:deliver';

/** The partner's active endpoints that take `event` (every active one takes a `ping`). */
async function subscribedEndpoints(
  db: DbOrTx,
  partnerId: string,
  event: WebhookEvent | 'ping',
  onlyEndpointId?: string,
): Promise<WebhookEndpoint[]> {
  return (await repo.listActiveEndpoints(db, partnerId)).filter(
    (e) =>
      (onlyEndpointId ? e.id === onlyEndpointId : true) &&
      (event === 'ping' || (JSON.parse(e.events) as string[]).includes(event)),
  );
}

async function queueDeliveries(
  db: DbOrTx,
  endpoints: readonly WebhookEndpoint[],
  partnerId: string,
  event: WebhookEvent | 'ping',
  data: Record<string, unknown>,
  now: Date,
): Promise<number> {
  if (endpoints.length === 0) return 0;
  const eventId = `evt_${newId(now.getTime())}`;
  const payload = JSON.stringify({ id: eventId, type: event, createdAt: isoNow(now), data });
  for (const endpoint of endpoints) {
    const id = newId(now.getTime());
    await repo.insertDelivery(db, {
      id,
      endpoint_id: endpoint.id,
      partner_id: partnerId,
      event_type: event,
      event_id: eventId,
      deal_id: typeof data.dealId === 'string' ? data.dealId : null,
      payload,
      status: 'pending',
      max_attempts: WEBHOOK_MAX_ATTEMPTS,
      last_status_code: null,
      last_error: null,
      next_attempt_at: isoNow(now),
      created_at: isoNow(now),
      completed_at: null,
    });
    await enqueueJob(
      db,
      WEBHOOK_JOB,
      { deliveryId: id },
      { maxAttempts: WEBHOOK_MAX_ATTEMPTS + 1, dedupeKey: `webhook:${id}` },
      now,
    );
  }
  return endpoints.length;
}

/**
 * Queues one delivery per subscribed endpoint, in the transaction that caused the event (an
 * outbox: the event is delivered exactly when the change it reports was committed). The job
 * runner delivers it, with retries and exponential backoff.
 */
export async function emitWebhookEvent(
  db: DbOrTx,
  partnerId: string,
  event: WebhookEvent | 'ping',
  data: Record<string, unknown>,
  now: Date,
  onlyEndpointId?: string,
): Promise<number> {
  const endpoints = await subscribedEndpoints(db, partnerId, event, onlyEndpointId);
  return queueDeliveries(db, endpoints, partnerId, event, data, now);
}

/**
 * A deal event: the payload carries the deal as GET /api/v1/deals/{id} returns it. The
 * endpoints are read once, and the resource is built only when one of them takes the event.
 */
export async function emitDealWebhook(
  db: DbOrTx,
  deal: DealRow,
  event: WebhookEvent,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const endpoints = await subscribedEndpoints(db, deal.partner_id, event);
  if (endpoints.length === 0) return;
  const resource = await dealResource(db, deal);
  await queueDeliveries(
    db,
    endpoints,
    deal.partner_id,
    event,
    { dealId: deal.id, deal: resource, ...extra },
    now,
  );
}
