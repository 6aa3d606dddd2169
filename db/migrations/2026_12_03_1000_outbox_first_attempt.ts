import type { Kysely } from 'kysely';

/**
 * When an e-mail was first tried: retries go on for MAIL_RETRY_HOURS from then (not from when
 * it was queued, which for a campaign step can be days earlier).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('first_attempt_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('first_attempt_at').execute();
}
