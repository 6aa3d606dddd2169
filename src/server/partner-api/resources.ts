import { describeConflict, type PartnerSafeConflict } from '../../lib/matching/explain';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { listConflictsOf } from '../deals/conflict-repository';
import { storedToPartnerSafe } from '../deals/conflicts';
import type { DealRow } from '../deals/repository';
import { toDealView, type DealView } from '../deals/view';
import type { DealResource } from './schemas';

export type { DealResource };

/**
 * A deal as the partner API and webhooks show it: the partner's own fields, its lifecycle
 * dates, and conflict evidence reduced to what a partner may see (never the other partner).
 * The shape is `dealResourceSchema`, which the OpenAPI document publishes.
 */
export function toDealResource(deal: DealView, evidence: PartnerSafeConflict[]): DealResource {
  return {
    id: deal.id,
    externalId: deal.externalId,
    status: deal.status,
    statusReason: deal.statusReason,
    customerName: deal.customerName,
    customerDomain: deal.customerDomain,
    country: deal.country,
    contactName: deal.contactName,
    contactEmail: deal.contactEmail,
    contactTitle: deal.contactTitle,
    valueCents: Number(deal.valueCents),
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate,
    products: deal.products as DealResource['products'],
    useCase: deal.useCase,
    templateSlug: deal.templateSlug as DealResource['templateSlug'],
    templateVersion: deal.templateVersion,
    roiScenarioId: deal.roiScenarioId,
    notes: deal.notes,
    source: deal.source as DealResource['source'],
    conflict: {
      flagged: deal.hasConflict,
      evidence: evidence.map((c) => ({
        ...c,
        description: describeConflict(c),
      })) as DealResource['conflict']['evidence'],
    },
    submittedAt: deal.lastSubmittedAt,
    reviewDueAt: deal.reviewDueAt,
    decidedAt: deal.decidedAt,
    approvedAt: deal.approvedAt,
    protectedUntil: deal.protectedUntil,
    extensionStatus: deal.extensionStatus,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    portalUrl: `${config().publicOrigin}/portal/deals/${deal.id}`,
  };
}

/** Resources for several deals, with their stored conflict evidence in one query. */
export async function dealResources(
  db: DbOrTx,
  dealsOrRows: readonly (DealView | DealRow)[],
): Promise<DealResource[]> {
  const deals = dealsOrRows.map((d) => ('partner_id' in d ? toDealView(d) : d));
  const stored = await listConflictsOf(
    db,
    deals.filter((d) => d.hasConflict).map((d) => d.id),
  );
  return deals.map((deal) =>
    toDealResource(deal, stored.filter((s) => s.deal_id === deal.id).map(storedToPartnerSafe)),
  );
}

export async function dealResource(db: DbOrTx, deal: DealView | DealRow): Promise<DealResource> {
  const [resource] = await dealResources(db, [deal]);
  return resource as DealResource;
}
