import type { DbOrTx } from '../db';
import type { NewRoiScenario, RoiScenarioRow, RoiScenarioUpdate } from '../schema';

/** ROI scenarios and share links: Kysely only. Every read of a private scenario names its owner. */

export async function insertScenario(db: DbOrTx, row: NewRoiScenario): Promise<void> {
  await db.insertInto('roi_scenarios').values(row).execute();
}

export async function updateScenario(
  db: DbOrTx,
  id: string,
  ownerId: string,
  patch: RoiScenarioUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('roi_scenarios')
    .set(patch)
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteScenario(db: DbOrTx, id: string, ownerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('roi_scenarios')
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findScenarioForOwner(
  db: DbOrTx,
  id: string,
  ownerId: string,
): Promise<RoiScenarioRow | undefined> {
  return db
    .selectFrom('roi_scenarios')
    .selectAll()
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function findScenariosForOwner(
  db: DbOrTx,
  ids: readonly string[],
  ownerId: string,
): Promise<RoiScenarioRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('roi_scenarios')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('owner_id', '=', ownerId)
    .execute();
}

export async function listScenariosForOwner(
  db: DbOrTx,
  ownerId: string,
  options: { limit: number; offset: number; model?: string | undefined },
): Promise<RoiScenarioRow[]> {
  let query = db.selectFrom('roi_scenarios').selectAll().where('owner_id', '=', ownerId);
  if (options.model) query = query.where('model', '=', options.model);
  return query
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countScenariosForOwner(
  db: DbOrTx,
  ownerId: string,
  model?: string,
): Promise<number> {
  let query = db
    .selectFrom('roi_scenarios')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('owner_id', '=', ownerId);
  if (model) query = query.where('model', '=', model);
  const row = await query.executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function insertShare(
  db: DbOrTx,
  row: { id: string; scenario_id: string; token: string; created_by: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('roi_scenario_shares')
    .values({ ...row, revoked_at: null })
    .execute();
}

export async function findActiveShare(db: DbOrTx, scenarioId: string) {
  return db
    .selectFrom('roi_scenario_shares')
    .select(['token', 'created_at'])
    .where('scenario_id', '=', scenarioId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function activeShareScenarioIds(
  db: DbOrTx,
  scenarioIds: readonly string[],
): Promise<Set<string>> {
  if (scenarioIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('roi_scenario_shares')
    .select('scenario_id')
    .where('scenario_id', 'in', [...scenarioIds])
    .where('revoked_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.scenario_id));
}

export async function revokeShares(db: DbOrTx, scenarioId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('roi_scenario_shares')
    .set({ revoked_at: at })
    .where('scenario_id', '=', scenarioId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The scenario behind an active share token, with its owner's name; undefined once revoked. */
export async function findSharedScenario(db: DbOrTx, token: string) {
  return db
    .selectFrom('roi_scenario_shares as s')
    .innerJoin('roi_scenarios as r', 'r.id', 's.scenario_id')
    .innerJoin('users as u', 'u.id', 'r.owner_id')
    .selectAll('r')
    .select(['u.name as owner_name', 's.created_at as shared_at'])
    .where('s.token', '=', token)
    .where('s.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Scenarios saved by the users of one partner company: what that company may attach to its deals. */
function scenariosOfPartner(db: DbOrTx, partnerId: string) {
  return db
    .selectFrom('roi_scenarios')
    .innerJoin('users', 'users.id', 'roi_scenarios.owner_id')
    .select([
      'roi_scenarios.id',
      'roi_scenarios.name',
      'roi_scenarios.model',
      'roi_scenarios.summary',
      'roi_scenarios.currency',
    ])
    .where('users.partner_id', '=', partnerId);
}

export async function findScenarioOfPartner(db: DbOrTx, id: string, partnerId: string) {
  return scenariosOfPartner(db, partnerId).where('roi_scenarios.id', '=', id).executeTakeFirst();
}

/** Newest first, for the deal form's list. */
export async function listScenariosOfPartner(db: DbOrTx, partnerId: string) {
  return scenariosOfPartner(db, partnerId)
    .orderBy('roi_scenarios.updated_at', 'desc')
    .limit(200)
    .execute();
}
