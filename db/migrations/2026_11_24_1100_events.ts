import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * First-party analytics events. One row per event; IP addresses are never stored. The id is
 * an integer sequence (compact and fast to append), the only dialect-specific column.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('events')
    .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) =>
      isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('persona', 'text')
    .addColumn('variant', 'text')
    .addColumn('persona_source', 'text')
    .addColumn('path', 'text')
    .addColumn('referrer_host', 'text')
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('utm_content', 'text')
    .addColumn('utm_term', 'text')
    .addColumn('partner_ref', 'text')
    .addColumn('properties', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_time_idx').on('events').column('occurred_at').execute();
  await db.schema
    .createIndex('events_visitor_idx')
    .on('events')
    .columns(['visitor_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('events_type_time_idx')
    .on('events')
    .columns(['type', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').execute();
}
