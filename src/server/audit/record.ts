import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { ROLE_LABELS } from '../../lib/nav';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import type { AuditEntry } from '../schema';
import { insertAuditEntries } from './repository';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastId = '';

/** The next id after `id` in the same alphabet (carry from the right). */
function bump(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const next = ALPHABET.indexOf(chars[i] ?? '0') + 1;
    if (next < ALPHABET.length) {
      chars[i] = ALPHABET[next] ?? '0';
      return chars.join('');
    }
    chars[i] = '0';
  }
  return chars.join('');
}

/**
 * Audit ids sort in the order entries were written, also within one millisecond (a deal
 * created and submitted in one request), so the timeline never shows them swapped.
 */
function monotonicId(now: Date): string {
  let id = newId(now.getTime());
  if (id.slice(0, 10) === lastId.slice(0, 10) && id <= lastId) id = bump(lastId);
  lastId = id;
  return id;
}

/** Someone acting through the portal, the partner API, or a background task. */
export interface AuditActor {
  id: string | null;
  label: string;
  role: string;
}

export const SYSTEM_AUDIT_ACTOR: AuditActor = {
  id: null,
  label: 'Chasm (scheduled task)',
  role: 'system',
};

/** "Ana Northwind (Partner admin)" or "API key chasm_ab12cd34 (created by Ana Northwind)". */
export function auditActorOf(
  user: SessionUser & { apiKey?: { prefix: string } | undefined },
): AuditActor {
  if (user.apiKey) {
    return {
      id: user.id,
      label: `API key ${user.apiKey.prefix} (created by ${user.name})`,
      role: 'api_key',
    };
  }
  return { id: user.id, label: `${user.name} (${ROLE_LABELS[user.role]})`, role: user.role };
}

export interface AuditInput {
  entityType: AuditEntry['entity_type'];
  entityId: string;
  partnerId: string | null;
  actor: AuditActor;
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  /** Field changes: { field: [before, after] }. */
  changes?: Record<string, [unknown, unknown]> | null;
}

/**
 * Appends to the audit log (who, when, from, to, why). Call it with the transaction that makes
 * the change, so the log and the data never disagree.
 */
export async function recordAudit(
  db: DbOrTx,
  input: AuditInput,
  now: Date = new Date(),
): Promise<void> {
  await insertAuditEntries(db, [
    {
      id: monotonicId(now),
      entity_type: input.entityType,
      entity_id: input.entityId,
      partner_id: input.partnerId,
      actor_id: input.actor.id,
      actor_label: input.actor.label,
      actor_role: input.actor.role,
      action: input.action,
      from_status: input.from ?? null,
      to_status: input.to ?? null,
      reason: input.reason ?? null,
      changes:
        input.changes && Object.keys(input.changes).length > 0
          ? JSON.stringify(input.changes)
          : null,
      created_at: isoNow(now),
    },
  ]);
}
