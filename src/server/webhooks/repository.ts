import type { DbOrTx } from '../db';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../schema';
import type { Insertable, Updateable } from 'kysely';
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from '../schema';

export async function insertEndpoint(
  db: DbOrTx,
  row: Insertable<WebhookEndpointsTable>,
): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function listEndpoints(db: DbOrTx, partnerId: string): Promise<WebhookEndpoint[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function listActiveEndpoints(
  db: DbOrTx,
  partnerId: string,
): Promise<WebhookEndpoint[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('is_active', '=', 1)
    .execute();
}

export async function findEndpoint(
  db: DbOrTx,
  id: string,
  partnerId: string,
): Promise<WebhookEndpoint | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
}

export async function disableEndpoint(db: DbOrTx, id: string, nowIso: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ is_active: 0, disabled_at: nowIso })
    .where('id', '=', id)
    .execute();
}

export async function insertDelivery(
  db: DbOrTx,
  row: Insertable<WebhookDeliveriesTable>,
): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute();
}

export async function findDeliveryWithEndpoint(db: DbOrTx, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .selectAll('webhook_deliveries')
    .select([
      'webhook_endpoints.url',
      'webhook_endpoints.secret',
      'webhook_endpoints.is_active as endpoint_is_active',
    ])
    .where('webhook_deliveries.id', '=', id)
    .executeTakeFirst();
}

export async function updateDelivery(
  db: DbOrTx,
  id: string,
  patch: Updateable<WebhookDeliveriesTable>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
}

export async function insertAttempt(
  db: DbOrTx,
  row: Insertable<WebhookAttemptsTable>,
): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

/** The delivery log of one endpoint, newest first. */
export async function listDeliveries(
  db: DbOrTx,
  endpointId: string,
  limit: number,
  offset: number,
): Promise<{ rows: WebhookDelivery[]; total: number }> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listAttempts(
  db: DbOrTx,
  deliveryIds: readonly string[],
): Promise<WebhookAttempt[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('attempted_at')
    .execute();
}
