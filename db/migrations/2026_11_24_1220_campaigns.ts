import type { Kysely } from 'kysely';

/**
 * Follow-up campaign enrolments and the suppression list. An unsubscribed address is kept in
 * `email_suppressions` so a later lead with the same address is never enrolled again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('steps_scheduled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema
    .createIndex('campaign_enrollments_lead_campaign_idx')
    .on('campaign_enrollments')
    .columns(['lead_id', 'campaign_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('campaign_enrollments_email_idx')
    .on('campaign_enrollments')
    .column('email')
    .execute();

  await db.schema
    .createTable('email_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('enrollment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_suppressions').execute();
  await db.schema.dropTable('campaign_enrollments').execute();
}
