import type { RoiModelId } from '../../lib/catalog';
import { newId } from '../../lib/ids';
import type { InputValues } from '../../lib/roi/fields';
import { getModel } from '../../lib/roi/models';
import { isoNow } from '../../lib/time';
import type { SessionUser } from '../auth/session';
import type { Db, DbOrTx } from '../db';
import { AppError } from '../errors';
import type { NewRoiScenario } from '../schema';
import { recordEvent } from '../analytics/record-event';
import { zodIssues } from '../validation';
import { evaluateModel, resolveValues } from './compute';
import * as repo from './repository';
import { inputsSchema } from './schemas';
import { summaryOf, toListItem, toView, type ScenarioListItem, type ScenarioView } from './view';

export const SCENARIOS_PAGE_SIZE = 20;
const CURRENCY = 'USD';

const notFound = () =>
  new AppError('NOT_FOUND', 'That scenario does not exist, or it is not yours to open.');

interface NewScenario {
  name: string;
  description?: string | undefined;
  model: RoiModelId;
  values: InputValues;
}

/** A scenario row with its result computed here, never trusted from the client. */
export function buildScenarioRow(ownerId: string, input: NewScenario, now: Date): NewRoiScenario {
  const at = isoNow(now);
  return {
    id: newId(now.getTime()),
    owner_id: ownerId,
    name: input.name,
    description: input.description || null,
    model: input.model,
    model_version: getModel(input.model).version,
    currency: CURRENCY,
    inputs: JSON.stringify(input.values),
    summary: JSON.stringify(summaryOf(evaluateModel(input.model, input.values))),
    created_at: at,
    updated_at: at,
  };
}

/** Inserts a scenario and records `scenario_saved` in the same transaction. */
async function insertComputed(
  trx: DbOrTx,
  user: SessionUser,
  input: NewScenario,
  source: 'calculator' | 'duplicate',
  now: Date,
): Promise<string> {
  const row = buildScenarioRow(user.id, input, now);
  const id = row.id;
  const summary = JSON.parse(row.summary) as { npvCents: number };
  await repo.insertScenario(trx, row);
  await recordEvent(
    trx,
    {
      type: 'scenario_saved',
      // No first-party visitor id reaches tRPC yet; the user id stands in for it.
      visitorId: `user:${user.id}`,
      userId: user.id,
      path: `/roi/${input.model}`,
      properties: { scenarioId: id, model: input.model, source, npvCents: summary.npvCents },
    },
    now,
  );
  return id;
}

/** Saves a named scenario for the signed-in user (any role may save). */
export async function saveScenario(
  db: Db,
  user: SessionUser,
  input: {
    name: string;
    description?: string | undefined;
    model: RoiModelId;
    inputs: Partial<InputValues>;
  },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const values = resolveValues(input.model, input.inputs);
  const id = await db
    .transaction()
    .execute((trx) => insertComputed(trx, user, { ...input, values }, 'calculator', now));
  return { id };
}

/** Validates changed inputs against the scenario's own model. */
function parseChangedInputs(model: RoiModelId, inputs: Record<string, number | string>) {
  const parsed = inputsSchema(model).safeParse(inputs);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'Some inputs need attention.', {
      issues: zodIssues(parsed.error).map((i) => ({
        ...i,
        path: `inputs${i.path ? `.${i.path}` : ''}`,
      })),
    });
  }
  return parsed.data as Partial<InputValues>;
}

/** Renames a scenario or saves new inputs into it; only its owner may. */
export async function updateScenario(
  db: Db,
  user: SessionUser,
  input: {
    id: string;
    name?: string | undefined;
    description?: string | undefined;
    inputs?: Record<string, number | string> | undefined;
  },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const row = await repo.findScenarioForOwner(db, input.id, user.id);
  if (!row) throw notFound();
  const model = row.model as RoiModelId;
  const patch: Parameters<typeof repo.updateScenario>[3] = { updated_at: isoNow(now) };
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description || null;
  if (input.inputs) {
    const values = resolveValues(model, {
      ...(JSON.parse(row.inputs) as InputValues),
      ...parseChangedInputs(model, input.inputs),
    });
    patch.inputs = JSON.stringify(values);
    patch.summary = JSON.stringify(summaryOf(evaluateModel(model, values)));
    patch.model_version = getModel(model).version;
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateScenario(trx, input.id, user.id, patch))) throw notFound();
    if (input.inputs) {
      await recordEvent(
        trx,
        {
          type: 'scenario_saved',
          visitorId: `user:${user.id}`,
          userId: user.id,
          path: `/roi/${model}`,
          properties: { scenarioId: input.id, model, source: 'update' },
        },
        now,
      );
    }
  });
  return { id: input.id };
}

/** One page of the user's own scenarios, most recently changed first. */
export async function listScenarios(
  db: Db,
  user: SessionUser,
  input: { page?: number | undefined; model?: RoiModelId | undefined } = {},
): Promise<{ items: ScenarioListItem[]; total: number; page: number; pageSize: number }> {
  const page = input.page ?? 1;
  const [rows, total] = await Promise.all([
    repo.listScenariosForOwner(db, user.id, {
      limit: SCENARIOS_PAGE_SIZE,
      offset: (page - 1) * SCENARIOS_PAGE_SIZE,
      model: input.model,
    }),
    repo.countScenariosForOwner(db, user.id, input.model),
  ]);
  const shared = await repo.activeShareScenarioIds(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toListItem(r, shared.has(r.id))),
    total,
    page,
    pageSize: SCENARIOS_PAGE_SIZE,
  };
}

/** A scenario the user owns, recomputed, with its active share link. Others get NOT_FOUND. */
export async function getScenario(
  db: Db,
  user: SessionUser,
  id: string,
): Promise<ScenarioView & { share: { token: string; createdAt: string } | null }> {
  const row = await repo.findScenarioForOwner(db, id, user.id);
  if (!row) throw notFound();
  const share = await repo.findActiveShare(db, id);
  return {
    ...toView(row, !!share),
    share: share ? { token: share.token, createdAt: share.created_at } : null,
  };
}

/** Copies one of the user's scenarios under a new name ("… (copy)" by default). */
export async function duplicateScenario(
  db: Db,
  user: SessionUser,
  input: { id: string; name?: string | undefined },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const row = await repo.findScenarioForOwner(db, input.id, user.id);
  if (!row) throw notFound();
  const model = row.model as RoiModelId;
  const values = resolveValues(model, JSON.parse(row.inputs) as InputValues);
  const name = input.name ?? `${row.name} (copy)`.slice(0, 120);
  const id = await db
    .transaction()
    .execute((trx) =>
      insertComputed(
        trx,
        user,
        { name, description: row.description ?? undefined, model, values },
        'duplicate',
        now,
      ),
    );
  return { id };
}

/** Deletes one of the user's scenarios; its share links go with it. */
export async function deleteScenario(
  db: Db,
  user: SessionUser,
  id: string,
): Promise<{ id: string }> {
  if (!(await repo.deleteScenario(db, id, user.id))) throw notFound();
  return { id };
}

/** Two to four of the user's scenarios, in the order asked, recomputed side by side. */
export async function compareScenarios(
  db: Db,
  user: SessionUser,
  ids: readonly string[],
): Promise<ScenarioView[]> {
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > 4) {
    throw new AppError('BAD_REQUEST', 'Choose two to four different scenarios to compare.', {
      issues: [{ path: 'ids', message: 'Choose two to four different scenarios to compare.' }],
    });
  }
  const rows = await repo.findScenariosForOwner(db, unique, user.id);
  if (rows.length !== unique.length) throw notFound();
  const shared = await repo.activeShareScenarioIds(db, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => toView(byId.get(id)!, shared.has(id)));
}
