import type { Kysely } from 'kysely';

/**
 * Leads from completed onboarding flows. `submission_key` (progress id and attempt) is unique,
 * so a refresh or a double click can never store a second lead. The response clock
 * (`response_due_at`, `first_response_at`) feeds the speed-to-lead reports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_key', 'text', (c) => c.notNull().unique())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('company_domain', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text')
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('referral_code', 'text')
    .addColumn('owner_key', 'text')
    .addColumn('response_due_at', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('response_channel', 'text')
    .addColumn('response_note', 'text')
    .addColumn('partner_application_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leads_created_idx').on('leads').column('created_at').execute();
  await db.schema
    .createIndex('leads_waiting_idx')
    .on('leads')
    .columns(['first_response_at', 'response_due_at'])
    .execute();
  await db.schema
    .createIndex('leads_owner_idx')
    .on('leads')
    .columns(['owner_key', 'first_response_at'])
    .execute();
  await db.schema.createIndex('leads_email_idx').on('leads').column('email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('leads').execute();
}
