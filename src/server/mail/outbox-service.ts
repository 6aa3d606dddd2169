import { requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import * as repo from './outbox-repository';

export const OUTBOX_PAGE_SIZE = 25;

/** The outbox as admins read it: newest first, paginated. */
export async function listOutboxForAdmin(
  db: DbOrTx,
  actor: SessionUser | null,
  page: number,
  to?: string,
) {
  requireRole(actor, ['admin']);
  return repo.listOutbox(db, {
    limit: OUTBOX_PAGE_SIZE,
    offset: (page - 1) * OUTBOX_PAGE_SIZE,
    ...(to ? { to: to.trim().toLowerCase() } : {}),
  });
}

export async function getOutboxMessageForAdmin(db: DbOrTx, actor: SessionUser | null, id: string) {
  requireRole(actor, ['admin']);
  const message = await repo.findOutboxMessage(db, id);
  if (!message) throw new AppError('NOT_FOUND', 'There is no message with that id in the outbox.');
  return message;
}

/**
 * "Send again" for a message that failed (or that was kept while no SMTP server was set): it
 * goes back in the queue, due now, with a fresh retry window. Its Message-ID stays the same.
 */
export async function resendOutboxMessage(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  requireRole(actor, ['admin']);
  const message = await repo.findOutboxMessage(db, id);
  if (!message) throw new AppError('NOT_FOUND', 'There is no message with that id in the outbox.');
  if (!(await repo.requeueMessage(db, id, now.toISOString()))) {
    throw new AppError(
      'CONFLICT',
      `This message is ${message.status}; only a failed or kept message can be sent again.`,
    );
  }
}
