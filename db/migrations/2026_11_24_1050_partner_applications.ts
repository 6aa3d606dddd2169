import type { Kysely } from 'kysely';

/** Applications to the partner program, from the systems-integrator onboarding flow or /partners/apply. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('company_domain', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_title', 'text')
    .addColumn('company_size', 'text')
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text')
    .addColumn('referral_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_applications_status_idx')
    .on('partner_applications')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('partner_applications_domain_idx')
    .on('partner_applications')
    .column('company_domain')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_applications').execute();
}
