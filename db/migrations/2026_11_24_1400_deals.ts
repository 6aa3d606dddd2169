import type { Kysely } from 'kysely';

/**
 * Deal registrations, the conflicts found for them, and the comments between partner and
 * channel manager. Every conflict rule is an equality on an indexed key column (registrable
 * domain, contact e-mail domain, normalised name and its first/last four letters), so a check
 * is a handful of index lookups however many deals there are. Money is bigint minor units.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) =>
      c.notNull().references('partners.id').onDelete('restrict'),
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_domain', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_title', 'text')
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expected_close_date', 'text', (c) => c.notNull())
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('use_case', 'text', (c) => c.notNull())
    .addColumn('template_slug', 'text')
    .addColumn('template_version', 'text')
    .addColumn('roi_scenario_id', 'text')
    .addColumn('notes', 'text')
    .addColumn('external_id', 'text')
    .addColumn('domain_key', 'text')
    .addColumn('email_domain_key', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('name_prefix', 'text', (c) => c.notNull())
    .addColumn('name_suffix', 'text', (c) => c.notNull())
    .addColumn('has_conflict', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('last_submitted_at', 'text')
    .addColumn('review_due_at', 'text')
    .addColumn('review_started_at', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('escalated_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision_seconds', 'integer')
    .addColumn('status_reason', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('protected_until', 'text')
    .addColumn('extension_status', 'text')
    .addColumn('extension_requested_at', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('reminder_stage', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('deals').columns(columns).execute();
  await index('deals_partner_status_idx', ['partner_id', 'status']);
  await index('deals_partner_id_idx', ['partner_id', 'id']);
  await db.schema
    .createIndex('deals_partner_external_idx')
    .on('deals')
    .columns(['partner_id', 'external_id'])
    .unique()
    .execute();
  await index('deals_domain_key_idx', ['domain_key', 'status']);
  await index('deals_email_domain_key_idx', ['email_domain_key', 'status']);
  await index('deals_name_key_idx', ['name_key', 'status']);
  // Covering (key, status, name, id): fuzzy candidates are read from the index alone.
  await index('deals_name_prefix_idx', ['name_prefix', 'status', 'name_key', 'id']);
  await index('deals_name_suffix_idx', ['name_suffix', 'status', 'name_key', 'id']);
  await index('deals_status_due_idx', ['status', 'review_due_at']);
  await index('deals_status_protection_idx', ['status', 'protected_until']);
  await index('deals_template_idx', ['template_slug']);

  await db.schema
    .createTable('deal_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('other_deal_id', 'text', (c) =>
      c.notNull().references('deals.id').onDelete('cascade'),
    )
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('is_strong', 'integer', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_conflicts_deal_idx')
    .on('deal_conflicts')
    .column('deal_id')
    .execute();
  await db.schema
    .createIndex('deal_conflicts_other_idx')
    .on('deal_conflicts')
    .column('other_deal_id')
    .execute();

  await db.schema
    .createTable('deal_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) =>
      c.notNull().references('partners.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_comments_deal_idx')
    .on('deal_comments')
    .columns(['deal_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_comments').execute();
  await db.schema.dropTable('deal_conflicts').execute();
  await db.schema.dropTable('deals').execute();
}
