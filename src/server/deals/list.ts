import type { DealListParams } from '../../lib/deals/list-params';
import { countryName } from '../../lib/deals/countries';
import { formatMoney } from '../../lib/deals/money';
import { STATUS_LABELS } from '../../lib/deals/statuses';
import { isoNow } from '../../lib/time';
import { toCsv } from '../../lib/format/csv';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { dealScopeOf } from './actor';
import { listDealsForExport, listDealsPage, type DealFilter } from './repository';
import { toDealView, type DealView } from './view';

export const DEALS_PAGE_SIZE = 25;
/** CSV exports stop here; a filter narrows them. */
export const EXPORT_MAX_ROWS = 50_000;

function filterOf(
  scope: { partnerId: string | null },
  params: DealListParams,
  now: Date,
): DealFilter {
  return {
    partnerId: scope.partnerId,
    statuses: params.status,
    hasConflict: params.conflict === 'any' ? undefined : params.conflict === 'yes',
    overdueBefore: params.overdue ? isoNow(now) : undefined,
    search: params.search,
    templateSlug: params.template,
  };
}

/** A page of deals: a partner's own, or every partner's for vendor staff. */
export async function listDeals(
  db: DbOrTx,
  actor: SessionUser | null,
  params: DealListParams,
  now: Date = new Date(),
): Promise<{ deals: DealView[]; total: number; page: number; pageSize: number }> {
  const scope = dealScopeOf(actor);
  const { rows, total } = await listDealsPage(
    db,
    filterOf(scope, params, now),
    params.sort,
    DEALS_PAGE_SIZE,
    (params.page - 1) * DEALS_PAGE_SIZE,
  );
  return { deals: rows.map(toDealView), total, page: params.page, pageSize: DEALS_PAGE_SIZE };
}

/** The same list as CSV (all pages, up to EXPORT_MAX_ROWS), for spreadsheets and CRMs. */
export async function exportDealsCsv(
  db: DbOrTx,
  actor: SessionUser | null,
  params: DealListParams,
  now: Date = new Date(),
): Promise<string> {
  const scope = dealScopeOf(actor);
  // Loaded on use: the catalogue is bundled by Vite, and the router must load outside it too.
  const { productName } = await import('../content/catalog');
  const rows = (await listDealsForExport(db, filterOf(scope, params, now), EXPORT_MAX_ROWS)).map(
    toDealView,
  );
  const header = [
    'id',
    'external_id',
    ...(scope.partnerId ? [] : ['partner']),
    'status',
    'customer',
    'domain',
    'country',
    'contact_name',
    'contact_email',
    'value',
    'currency',
    'value_minor_units',
    'expected_close_date',
    'products',
    'template',
    'template_version',
    'conflict',
    'submitted_at',
    'review_due_at',
    'decided_at',
    'protected_until',
    'extension',
    'created_at',
  ];
  return toCsv(
    header,
    rows.map((d) => [
      d.id,
      d.externalId,
      ...(scope.partnerId ? [] : [d.partnerName]),
      STATUS_LABELS[d.status],
      d.customerName,
      d.customerDomain,
      countryName(d.country),
      d.contactName,
      d.contactEmail,
      formatMoney(d.valueCents, d.currency),
      d.currency,
      d.valueCents,
      d.expectedCloseDate,
      d.products.map(productName).join('; '),
      d.templateSlug,
      d.templateVersion,
      d.hasConflict ? 'yes' : 'no',
      d.submittedAt,
      d.reviewDueAt,
      d.decidedAt,
      d.protectedUntil,
      d.extensionStatus,
      d.createdAt,
    ]),
  );
}
