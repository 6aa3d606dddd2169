import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { loadDealFor } from '../deals/actions';
import { requireChannel } from '../auth/permissions';
import type { AuditEntry } from '../schema';
import { toCsv } from '../../lib/format/csv';
import { listAudit, listAuditForEntity, type AuditFilter } from './repository';

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_MAX = 200_000;
const HEADER = [
  'id',
  'at',
  'record',
  'record_id',
  'partner_id',
  'actor',
  'actor_role',
  'action',
  'from',
  'to',
  'reason',
  'changes',
];

function csvRows(entries: readonly AuditEntry[]) {
  return entries.map((e) => [
    e.id,
    e.created_at,
    e.entity_type,
    e.entity_id,
    e.partner_id,
    e.actor_label,
    e.actor_role,
    e.action,
    e.from_status,
    e.to_status,
    e.reason,
    e.changes,
  ]);
}

/** The whole audit log, newest first, a page at a time (keyset on id), for vendor staff. */
export async function listAuditLog(
  db: DbOrTx,
  actor: SessionUser | null,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; nextBeforeId: string | null }> {
  requireChannel(actor);
  const rows = await listAudit(db, filter, AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries,
    nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? (entries[entries.length - 1]?.id ?? null) : null,
  };
}

/** One deal's audit trail as CSV (channel managers and admins). */
export async function exportDealAuditCsv(
  db: DbOrTx,
  actor: SessionUser | null,
  dealId: string,
): Promise<string> {
  requireChannel(actor);
  const deal = await loadDealFor(db, actor, dealId);
  return toCsv(HEADER, csvRows(await listAuditForEntity(db, 'deal', deal.id)));
}

/** The audit log as CSV (channel managers and admins), oldest first, filtered like the page. */
export async function exportAuditCsv(
  db: DbOrTx,
  actor: SessionUser | null,
  filter: AuditFilter,
): Promise<string> {
  requireChannel(actor);
  const rows = await listAudit(db, { ...filter, beforeId: undefined }, EXPORT_MAX);
  return toCsv(HEADER, csvRows(rows.reverse()));
}
