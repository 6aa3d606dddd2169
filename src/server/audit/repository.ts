import type { DbOrTx } from '../db';
import type { AuditEntry, NewAuditEntry } from '../schema';

/**
 * The audit log's only repository. It inserts and reads; there is deliberately no update or
 * delete here (a test greps the code base for one, and the database refuses both).
 */
export async function insertAuditEntries(db: DbOrTx, entries: NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries).execute();
}

/** Every entry about one record, oldest first (ids are time-ordered). */
export async function listAuditForEntity(
  db: DbOrTx,
  entityType: AuditEntry['entity_type'],
  entityId: string,
): Promise<AuditEntry[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

export interface AuditFilter {
  entityType?: AuditEntry['entity_type'] | undefined;
  partnerId?: string | undefined;
  action?: string | undefined;
  /** Entries with an id below this (keyset pagination, newest first). */
  beforeId?: string | undefined;
}

/** Newest first, `limit` at a time. */
export async function listAudit(
  db: DbOrTx,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.partnerId) query = query.where('partner_id', '=', filter.partnerId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
