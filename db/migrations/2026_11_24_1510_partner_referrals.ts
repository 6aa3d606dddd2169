import type { Kysely } from 'kysely';

/**
 * Partner referral links (`?ref=<code>`): each partner company gets a code, and a rollup counts
 * the visits and page views those links bring, per day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('partners').addColumn('referral_code', 'text').execute();
  await db.schema
    .createIndex('partners_referral_code_idx')
    .on('partners')
    .column('referral_code')
    .unique()
    .execute();
  await db.schema
    .createTable('rollup_referrals')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('partner_ref', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('page_views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_referrals_pk', ['partner_ref', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rollup_referrals').execute();
  await db.schema.dropIndex('partners_referral_code_idx').execute();
  await db.schema.alterTable('partners').dropColumn('referral_code').execute();
}
