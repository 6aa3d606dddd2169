import type { Kysely } from 'kysely';

/**
 * Saved ROI scenarios and their read-only share links. A scenario belongs to one user; its
 * inputs and result summary are JSON text. A share is a random token; revoking sets
 * revoked_at, so history stays and a revoked link finds nothing. Ids are text (newId), so a
 * partner's deal can later point at a scenario.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roi_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('roi_scenarios_owner_idx')
    .on('roi_scenarios')
    .columns(['owner_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('roi_scenario_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) =>
      c.notNull().references('roi_scenarios.id').onDelete('cascade'),
    )
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('roi_scenario_shares_scenario_idx')
    .on('roi_scenario_shares')
    .column('scenario_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roi_scenario_shares').execute();
  await db.schema.dropTable('roi_scenarios').execute();
}
