import type { Kysely } from 'kysely';

/**
 * Event keys: a browser sends a random id with each beacon event, and the server gives the
 * events a retry could repeat (a lead, a completed flow, a registered deal) a key derived from
 * what they record. A key already stored is dropped, so a batch re-sent after a lost response,
 * or a retried completion, is counted once. Unique where present; old events have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('event_key', 'text').execute();
  await db.schema
    .createIndex('events_event_key_idx')
    .on('events')
    .column('event_key')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_event_key_idx').execute();
  await db.schema.alterTable('events').dropColumn('event_key').execute();
}
