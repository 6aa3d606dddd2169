import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import type { WebhookEvent } from '../../lib/deals/webhook-events';
import type { DbOrTx } from '../db';
import type { DealRow } from '../deals/repository';
import { enqueueJob } from '../jobs/queue';
import { dealResource } from '../partner-api/resources';
import * as repo from './repository';

/**
 * A delivery is tried this many times before it is marked failed. The job runner waits
 * 30 s × 2^(n−1) after the n-th failure, so ten tries span about four hours.
 */
export const WEBHOOK_MAX_ATTEMPTS = 10;
export const WEBHOOK_JOB = 'webhook:deliver';

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
  const endpoints = (await repo.listActiveEndpoints(db, partnerId)).filter(
    (e) =>
      (onlyEndpointId ? e.id === onlyEndpointId : true) &&
      (event === 'ping' || (JSON.parse(e.events) as string[]).includes(event)),
  );
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

/** A deal event: the payload carries the deal as GET /api/v1/deals/{id} returns it. */
export async function emitDealWebhook(
  db: DbOrTx,
  deal: DealRow,
  event: WebhookEvent,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const endpoints = await repo.listActiveEndpoints(db, deal.partner_id);
  if (endpoints.length === 0) return;
  const resource = await dealResource(db, deal);
  await emitWebhookEvent(
    db,
    deal.partner_id,
    event,
    { dealId: deal.id, deal: resource, ...extra },
    now,
  );
}
