import type { Kysely } from 'kysely';

/**
 * Onboarding progress, one row per visitor and flow, so a person can resume days later. A
 * visitor who sends DNT/GPC has no id cookie; their progress is found by a resume token kept
 * in the page address instead (only its SHA-256 is stored).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('flow_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text')
    .addColumn('resume_token_hash', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('current_step', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('referral_code', 'text')
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('lead_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('flow_progress_visitor_flow_idx')
    .on('flow_progress')
    .columns(['visitor_id', 'flow_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('flow_progress').execute();
}
