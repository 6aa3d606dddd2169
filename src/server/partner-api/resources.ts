import { describeConflict, type PartnerSafeConflict } from '../../lib/matching/explain';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { listConflictsOf } from '../deals/conflict-repository';
import { storedToPartnerSafe } from '../deals/conflicts';
import type { DealRow } from '../deals/repository';
import type { DealResource } from './schemas';

export type { DealResource };

/**
 * A deal as the partner API and webhooks show it: the partner's own fields, its lifecycle
 * dates, and conflict evidence reduced to what a partner may see (never the other partner).
 * The shape is `dealResourceSchema`, which the OpenAPI document publishes.
 */
export function toDealResource(deal: DealRow, evidence: PartnerSafeConflict[]): DealResource {
  return {
    id: deal.id,
    externalId: deal.external_id,
    status: deal.status,
    statusReason: deal.status_reason,
    customerName: deal.customer_name,
    customerDomain: deal.customer_domain,
    country: deal.country,
    contactName: deal.contact_name,
    contactEmail: deal.contact_email,
    contactTitle: deal.contact_title,
    valueCents: Number(deal.value_cents),
    currency: deal.currency,
    expectedCloseDate: deal.expected_close_date,
    products: JSON.parse(deal.products) as DealResource['products'],
    useCase: deal.use_case,
    templateSlug: deal.template_slug as DealResource['templateSlug'],
    templateVersion: deal.template_version,
    roiScenarioId: deal.roi_scenario_id,
    notes: deal.notes,
    source: deal.source,
    conflict: {
      flagged: deal.has_conflict === 1,
      evidence: evidence.map((c) => ({
        ...c,
        description: describeConflict(c),
      })) as DealResource['conflict']['evidence'],
    },
    submittedAt: deal.last_submitted_at,
    reviewDueAt: deal.review_due_at,
    decidedAt: deal.decided_at,
    approvedAt: deal.approved_at,
    protectedUntil: deal.protected_until,
    extensionStatus: deal.extension_status,
    createdAt: deal.created_at,
    updatedAt: deal.updated_at,
    portalUrl: `${config().publicOrigin}/portal/deals/${deal.id}`,
  };
}

/** Resources for several deals, with their stored conflict evidence in one query. */
export async function dealResources(
  db: DbOrTx,
  deals: readonly DealRow[],
): Promise<DealResource[]> {
  const stored = await listConflictsOf(
    db,
    deals.filter((d) => d.has_conflict === 1).map((d) => d.id),
  );
  return deals.map((deal) =>
    toDealResource(deal, stored.filter((s) => s.deal_id === deal.id).map(storedToPartnerSafe)),
  );
}

export async function dealResource(db: DbOrTx, deal: DealRow): Promise<DealResource> {
  const [resource] = await dealResources(db, [deal]);
  return resource as DealResource;
}
