import type { DbOrTx } from '../db';
import type { NewOutboxMessage, OutboxMessage, OutboxStatus } from '../schema';

/** Inserts a message; with a dedupe key already present, nothing happens. Returns whether it was stored. */
export async function insertOutboxMessage(db: DbOrTx, message: NewOutboxMessage): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values(message)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Which messages a lane takes: only these categories, or every one but these. */
export type CategoryFilter = { only: readonly string[] } | { except: readonly string[] };

export async function findDueMessageIds(
  db: DbOrTx,
  nowIso: string,
  limit: number,
  categories?: CategoryFilter,
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('send_after', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', nowIso)]),
      ]),
    )
    .$if(!!categories && 'only' in categories, (q) =>
      q.where('category', 'in', (categories as { only: string[] }).only),
    )
    .$if(!!categories && 'except' in categories, (q) =>
      q.where('category', 'not in', (categories as { except: string[] }).except),
    )
    .orderBy('send_after')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one message for delivery. The conditional update succeeds in exactly one process,
 * which is what keeps two servers from sending the same e-mail.
 */
export async function claimMessage(
  db: DbOrTx,
  id: string,
  nowIso: string,
  lockedUntil: string,
): Promise<OutboxMessage | undefined> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      locked_until: lockedUntil,
      attempts: eb('attempts', '+', 1),
      first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(nowIso)),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('send_after', '<=', nowIso)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', nowIso)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a message's lease on while its send is still running (only while it is ours). */
export async function renewMessageLease(
  db: DbOrTx,
  id: string,
  lockedUntil: string,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ locked_until: lockedUntil })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function finishMessage(
  db: DbOrTx,
  id: string,
  changes: {
    status: OutboxStatus;
    delivered_at?: string | null;
    last_error?: string | null;
    send_after?: string;
    body_text?: string;
    body_html?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...changes, locked_until: null })
    .where('id', '=', id)
    .execute();
}

export interface OutboxPage {
  messages: OutboxMessage[];
  total: number;
}

export async function listOutbox(
  db: DbOrTx,
  options: { limit: number; offset: number; to?: string },
): Promise<OutboxPage> {
  let query = db.selectFrom('outbox');
  if (options.to) query = query.where('to_address', '=', options.to);
  const [messages, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { messages, total: Number(count.n) };
}

export async function findOutboxMessage(
  db: DbOrTx,
  id: string,
): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Cancels pending messages matching a dedupe-key prefix (an unsubscribed campaign, say). */
export async function cancelPendingByKeyPrefix(db: DbOrTx, prefix: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'cancelled' })
    .where('status', '=', 'pending')
    .where('dedupe_key', 'like', `${prefix}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Blanks the text of delivered messages of a category created before a time. */
export async function redactDelivered(
  db: DbOrTx,
  category: string,
  createdBefore: string,
  text: string,
): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ body_text: text, body_html: null })
    .where('category', '=', category)
    .where('status', 'in', ['sent', 'kept', 'failed', 'cancelled'])
    .where('created_at', '<', createdBefore)
    .where('body_text', '!=', text)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Puts a failed (or kept) message back in the queue as new: due now, attempts from zero. */
export async function requeueMessage(db: DbOrTx, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: 0,
      first_attempt_at: null,
      send_after: nowIso,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'kept'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
