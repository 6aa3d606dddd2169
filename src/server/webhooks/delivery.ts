import { metrics } from '../metrics';
import { newId } from '../../lib/ids';
import { addMs, isoNow } from '../../lib/time';
import type { DbOrTx } from '../db';
import { registerJobHandler } from '../jobs/runner';
import { WEBHOOK_JOB } from './emit';
import * as repo from './repository';
import { SIGNATURE_HEADER, signatureHeader } from './signature';
import { postWebhook } from './transport';

const TIMEOUT_MS = 10_000;
export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped';

/** Thrown to make the job runner retry later (exponential backoff lives in the runner). */
export class DeliveryRetry extends Error {}

/**
 * Delivers one webhook attempt: signs the stored payload with the endpoint's secret and the
 * current time, POSTs it, and records the attempt in the delivery log. A 2xx answer succeeds;
 * anything else (or a network error or timeout) retries until WEBHOOK_MAX_ATTEMPTS, then fails.
 */
export async function deliverWebhook(
  db: DbOrTx,
  deliveryId: string,
  now: Date = new Date(),
): Promise<DeliveryOutcome> {
  const delivery = await repo.findDeliveryWithEndpoint(db, deliveryId);
  if (!delivery || delivery.status !== 'pending') return 'skipped';
  const nowIso = isoNow(now);
  if (delivery.endpoint_is_active !== 1) {
    await repo.updateDelivery(db, deliveryId, {
      status: 'failed',
      last_error: 'The endpoint was disabled.',
      completed_at: nowIso,
      next_attempt_at: null,
    });
    return 'failed';
  }
  const attempt = delivery.attempts + 1;
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Chasm-Webhooks/1.0',
    [SIGNATURE_HEADER]: signatureHeader(delivery.secret, timestamp, delivery.payload),
    'chasm-event': delivery.event_type,
    'chasm-delivery': delivery.id,
    'chasm-attempt': String(attempt),
  };
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  let snippet: string | null = null;
  try {
    const result = await postWebhook(delivery.url, headers, delivery.payload, {
      timeoutMs: TIMEOUT_MS,
    });
    status = result.status;
    snippet = result.snippet || null;
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (failure) {
    error =
      failure instanceof Error
        ? failure.name === 'TimeoutError'
          ? `No answer within ${TIMEOUT_MS / 1000} s`
          : failure.message
        : String(failure);
  }
  await repo.insertAttempt(db, {
    id: newId(now.getTime()),
    delivery_id: deliveryId,
    attempt,
    status_code: status,
    error,
    duration_ms: Date.now() - started,
    response_snippet: snippet,
    attempted_at: nowIso,
  });
  if (error === null) {
    await repo.updateDelivery(db, deliveryId, {
      status: 'succeeded',
      attempts: attempt,
      last_status_code: status,
      last_error: null,
      completed_at: nowIso,
      next_attempt_at: null,
    });
    metrics.webhooks.inc({ outcome: 'delivered' });
    return 'succeeded';
  }
  const isFinal = attempt >= delivery.max_attempts;
  await repo.updateDelivery(db, deliveryId, {
    status: isFinal ? 'failed' : 'pending',
    attempts: attempt,
    last_status_code: status,
    last_error: error.slice(0, 500),
    completed_at: isFinal ? nowIso : null,
    next_attempt_at: isFinal ? null : addMs(nowIso, 2 ** (attempt - 1) * 30_000),
  });
  metrics.webhooks.inc({ outcome: isFinal ? 'failed' : 'retry' });
  return isFinal ? 'failed' : 'retry';
}

registerJobHandler(WEBHOOK_JOB, async (db, payload, now) => {
  const { deliveryId } = payload as { deliveryId: string };
  if ((await deliverWebhook(db, deliveryId, now)) === 'retry')
    throw new DeliveryRetry('Delivery failed; retrying with backoff.');
});
