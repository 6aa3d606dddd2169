import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import type { WebhookEvent } from '../../lib/deals/webhook-events';
import { auditActorOf, recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/session';
import { randomToken } from '../auth/tokens';
import type { DbOrTx } from '../db';
import type { WebhookEndpoint } from '../schema';
import { inTransaction } from '../transactions';
import { AppError } from '../errors';
import { requirePartnerAdmin } from '../auth/permissions';
import { emitWebhookEvent } from './emit';
import * as repo from './repository';
import { assertRegistrableUrl } from './url-policy';

export const MAX_ENDPOINTS = 10;
export const DELIVERIES_PAGE_SIZE = 25;

/** A new endpoint: where to send which events (checked by `operations/create-webhook.ts`). */
export interface WebhookEndpointRequest {
  url: string;
  events: WebhookEvent[];
  description?: string | undefined;
}

/**
 * A partner admin registers a URL for some events. The signing secret is returned this once;
 * Chasm keeps it to sign each delivery (HMAC needs the secret itself, unlike an API key's hash).
 */
export async function createWebhookEndpoint(
  db: DbOrTx,
  actor: SessionUser | null,
  input: WebhookEndpointRequest,
  now: Date = new Date(),
): Promise<{ id: string; secret: string }> {
  const { user, partnerId } = requirePartnerAdmin(actor);
  assertRegistrableUrl(input.url);
  const secret = `whsec_${randomToken(32)}`;
  const id = newId(now.getTime());
  await inTransaction(db, async (trx) => {
    const active = await repo.listActiveEndpoints(trx, partnerId);
    if (active.length >= MAX_ENDPOINTS)
      throw new AppError(
        'CONFLICT',
        `A company can have at most ${MAX_ENDPOINTS} active endpoints; disable one first.`,
      );
    await repo.insertEndpoint(trx, {
      id,
      partner_id: partnerId,
      url: input.url,
      description: input.description ?? null,
      events: JSON.stringify(input.events),
      secret,
      is_active: 1,
      created_by: user.id,
      created_at: isoNow(now),
      disabled_at: null,
    });
    await recordAudit(
      trx,
      {
        entityType: 'webhook',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'create',
        to: 'active',
        reason: `${input.url} for ${input.events.join(', ')}`,
      },
      now,
    );
  });
  return { id, secret };
}

/** An endpoint as the portal shows it: events parsed, the signing secret left out. */
function toEndpointView({ secret: _secret, ...endpoint }: WebhookEndpoint) {
  return { ...endpoint, events: JSON.parse(endpoint.events) as WebhookEvent[] };
}

/** The company's endpoints, without their secrets. */
export async function listWebhookEndpoints(db: DbOrTx, actor: SessionUser | null) {
  const { partnerId } = requirePartnerAdmin(actor);
  return (await repo.listEndpoints(db, partnerId)).map(toEndpointView);
}

async function ownEndpoint(db: DbOrTx, partnerId: string, id: string) {
  const endpoint = await repo.findEndpoint(db, id, partnerId);
  if (!endpoint)
    throw new AppError('NOT_FOUND', 'There is no webhook endpoint with that id in your company.');
  return endpoint;
}

/** Stops deliveries to an endpoint; its delivery log stays readable. */
export async function disableWebhookEndpoint(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
) {
  const { user, partnerId } = requirePartnerAdmin(actor);
  await inTransaction(db, async (trx) => {
    const endpoint = await ownEndpoint(trx, partnerId, id);
    if (endpoint.is_active !== 1) return;
    await repo.disableEndpoint(trx, id, isoNow(now));
    await recordAudit(
      trx,
      {
        entityType: 'webhook',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'disable',
        from: 'active',
        to: 'disabled',
        reason: endpoint.url,
      },
      now,
    );
  });
}

/** The delivery log of one endpoint: every delivery with its attempts, newest first. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  page: number,
) {
  const { partnerId } = requirePartnerAdmin(actor);
  const endpoint = toEndpointView(await ownEndpoint(db, partnerId, id));
  const { rows, total } = await repo.listDeliveries(
    db,
    id,
    DELIVERIES_PAGE_SIZE,
    (page - 1) * DELIVERIES_PAGE_SIZE,
  );
  const attempts = await repo.listAttempts(
    db,
    rows.map((r) => r.id),
  );
  return {
    endpoint,
    deliveries: rows.map((d) => ({
      ...d,
      attempts: attempts.filter((a) => a.delivery_id === d.id),
    })),
    total,
    page,
    pageSize: DELIVERIES_PAGE_SIZE,
  };
}

/** Queues a `ping` to one endpoint, to check the receiver and its signature check. */
export async function sendTestWebhook(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
) {
  const { user, partnerId } = requirePartnerAdmin(actor);
  return inTransaction(db, async (trx) => {
    const endpoint = await ownEndpoint(trx, partnerId, id);
    if (endpoint.is_active !== 1) throw new AppError('CONFLICT', 'This endpoint is disabled.');
    await emitWebhookEvent(
      trx,
      partnerId,
      'ping',
      { message: `Test event sent by ${user.name}.` },
      now,
      id,
    );
    return { queued: true };
  });
}
