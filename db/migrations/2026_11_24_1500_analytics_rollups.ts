import type { Kysely } from 'kysely';

/**
 * Rollups kept up to date as events are recorded, so dashboards never scan raw events.
 * Text columns that would be NULL in an event are stored as '' here, because NULLs cannot
 * take part in a primary key on PostgreSQL and do not collide in SQLite's unique indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visitor_sessions')
    .addColumn('visitor_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rollup_events')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_events_pk', ['day', 'persona', 'variant', 'type', 'path'])
    .execute();
  await db.schema
    .createIndex('rollup_events_type_day_idx')
    .on('rollup_events')
    .columns(['type', 'day'])
    .execute();

  // One row per visitor, day and segment ('all', 'persona:<slug>', 'switched'): daily uniques.
  await db.schema
    .createTable('rollup_visitors')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_visitors_pk', ['segment', 'day', 'visitor_id'])
    .execute();

  await db.schema
    .createTable('rollup_sessions')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_sessions_pk', ['day', 'persona', 'source'])
    .execute();

  await db.schema
    .createTable('lift_exposures')
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('exposed_at', 'text', (c) => c.notNull())
    .addColumn('converted_at', 'text')
    .addPrimaryKeyConstraint('lift_exposures_pk', ['visitor_id', 'persona'])
    .execute();

  await db.schema
    .createTable('rollup_lift')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('exposed', 'integer', (c) => c.notNull())
    .addColumn('converted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_lift_pk', ['day', 'persona', 'variant'])
    .execute();

  await db.schema
    .createTable('rollup_switches')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('from_persona', 'text', (c) => c.notNull())
    .addColumn('from_source', 'text', (c) => c.notNull())
    .addColumn('to_persona', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_switches_pk', [
      'day',
      'from_persona',
      'from_source',
      'to_persona',
    ])
    .execute();

  await db.schema
    .createTable('funnels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('window_ms', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('backfill_to_event_id', 'bigint', (c) => c.notNull())
    .addColumn('backfilled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('funnel_progress')
    .addColumn('funnel_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('funnel_progress_pk', ['funnel_id', 'visitor_id'])
    .execute();

  await db.schema
    .createTable('rollup_funnel')
    .addColumn('funnel_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_funnel_pk', ['funnel_id', 'day', 'persona', 'step'])
    .execute();

  // The salt for hashing cookieless visitors; each day's row is deleted once the day is over.
  await db.schema
    .createTable('analytics_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'analytics_salts',
    'rollup_funnel',
    'funnel_progress',
    'funnels',
    'rollup_switches',
    'rollup_lift',
    'lift_exposures',
    'rollup_sessions',
    'rollup_visitors',
    'rollup_events',
    'visitor_sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
