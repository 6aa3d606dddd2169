import type { z } from 'zod';
import { describeConflict } from '../../lib/matching/explain';
import type { DealStatus } from '../../lib/deals/statuses';
import type { ConflictCheckInput } from '../../lib/deals/schema';
import { config } from '../config';
import { listTemplates } from '../content/templates';
import type { DbOrTx } from '../db';
import { loadDealFor, submitDeal } from '../deals/actions';
import { requirePartner } from '../auth/permissions';
import type { Actor } from '../deals/actor';
import { checkConflicts } from '../deals/conflicts';
import { createDeal } from '../deals/register';
import { listDealsAfter } from '../deals/repository';
import { AppError } from '../errors';
import { dealResource, dealResources } from './resources';
import type { createDealBody, listDealsQuery } from './schemas';

const ID = /^[0-9A-Z]{26}$/;

function encodeCursor(id: string): string {
  return Buffer.from(`d:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('d:') ? decoded.slice(2) : '';
  if (!ID.test(id)) {
    throw new AppError('BAD_REQUEST', 'That cursor is not one this API returned.', {
      issues: [{ path: 'cursor', message: 'Pass nextCursor from the previous page unchanged.' }],
    });
  }
  return id;
}

/** GET /api/v1/deals: the key's company's deals, newest first, cursor-paginated. */
export async function apiListDeals(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof listDealsQuery>,
) {
  const { partnerId } = requirePartner(actor);
  const beforeId = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listDealsAfter(
    db,
    {
      partnerId,
      statuses: query.status ? (query.status.split(',') as DealStatus[]) : undefined,
      externalId: query.externalId,
    },
    beforeId,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: await dealResources(db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}

/** GET /api/v1/deals/{id}: another company's id is a 404, like an unknown one. */
export async function apiGetDeal(db: DbOrTx, actor: Actor, id: string) {
  requirePartner(actor);
  return dealResource(db, await loadDealFor(db, actor, id));
}

/** POST /api/v1/deals: registers a draft, or submits it at once with `submit: true`. */
export async function apiCreateDeal(
  db: DbOrTx,
  actor: Actor,
  body: z.output<typeof createDealBody>,
  now: Date = new Date(),
) {
  const { submit, ...input } = body;
  const deal = await createDeal(db, actor, input, { submit: submit ?? false, source: 'api' }, now);
  return dealResource(db, deal);
}

/** POST /api/v1/deals/{id}/submit. */
export async function apiSubmitDeal(db: DbOrTx, actor: Actor, id: string, now: Date = new Date()) {
  return dealResource(db, await submitDeal(db, actor, id, now));
}

/** POST /api/v1/conflicts/check: the live check, with a sentence per conflict. */
export async function apiCheckConflicts(
  db: DbOrTx,
  actor: Actor,
  input: ConflictCheckInput,
  now: Date = new Date(),
) {
  const report = await checkConflicts(db, actor, input, now);
  return {
    ...report,
    conflicts: report.conflicts.map((c) => ({ ...c, description: describeConflict(c) })),
  };
}

/** GET /api/v1/templates: every solution template with its version and bill of materials. */
export function apiListTemplates(actor: Actor) {
  requirePartner(actor);
  return {
    data: listTemplates().map((t) => ({
      slug: t.slug,
      title: t.title,
      version: t.version,
      updated: t.updated.toISOString().slice(0, 10),
      summary: t.summary,
      products: t.components.map((c) => c.product),
      phases: t.phases,
      billOfMaterials: t.billOfMaterials.map((b) => ({
        item: b.item,
        product: b.product ?? null,
        quantity: b.quantity,
        unit: b.unit,
      })),
      prerequisites: t.prerequisites,
      risks: t.risks,
      roi: { model: t.roi.model, preset: t.roi.preset },
      portalUrl: `${config().publicOrigin}/portal/templates/${t.slug}`,
    })),
  };
}
