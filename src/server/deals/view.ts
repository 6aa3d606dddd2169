import type { DealStatus } from '../../lib/deals/statuses';
import type { PartnerSafeConflict } from '../../lib/matching/explain';
import type { RuleHit } from '../../lib/matching/rules';
import type { StoredConflict } from './conflict-repository';
import type { DealRow } from './repository';

/** A deal as screens and tRPC show it. */
export interface DealView {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerTier: string;
  ownerName: string | null;
  source: string;
  status: DealStatus;
  statusReason: string | null;
  customerName: string;
  customerDomain: string;
  country: string;
  contactName: string;
  contactEmail: string;
  contactTitle: string | null;
  valueCents: number;
  currency: string;
  expectedCloseDate: string;
  products: string[];
  useCase: string;
  templateSlug: string | null;
  templateVersion: string | null;
  roiScenarioId: string | null;
  notes: string | null;
  externalId: string | null;
  hasConflict: boolean;
  submittedAt: string | null;
  lastSubmittedAt: string | null;
  reviewDueAt: string | null;
  escalatedAt: string | null;
  decidedAt: string | null;
  decisionSeconds: number | null;
  approvedAt: string | null;
  protectedUntil: string | null;
  extensionStatus: 'requested' | 'approved' | 'denied' | null;
  extensionReason: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toDealView(row: DealRow): DealView {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerTier: row.partner_tier,
    ownerName: row.owner_name,
    source: row.source,
    status: row.status,
    statusReason: row.status_reason,
    customerName: row.customer_name,
    customerDomain: row.customer_domain,
    country: row.country,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactTitle: row.contact_title,
    valueCents: Number(row.value_cents),
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    products: JSON.parse(row.products) as string[],
    useCase: row.use_case,
    templateSlug: row.template_slug,
    templateVersion: row.template_version,
    roiScenarioId: row.roi_scenario_id,
    notes: row.notes,
    externalId: row.external_id,
    hasConflict: row.has_conflict === 1,
    submittedAt: row.submitted_at,
    lastSubmittedAt: row.last_submitted_at,
    reviewDueAt: row.review_due_at,
    escalatedAt: row.escalated_at,
    decidedAt: row.decided_at,
    decisionSeconds: row.decision_seconds,
    approvedAt: row.approved_at,
    protectedUntil: row.protected_until,
    extensionStatus: row.extension_status,
    extensionReason: row.extension_reason,
    closedAt: row.closed_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored conflict as a channel manager sees it: both identities, side by side. */
export interface ChannelConflict {
  otherDealId: string;
  otherPartnerName: string;
  otherStatus: DealStatus;
  otherCustomerName: string;
  otherCustomerDomain: string;
  otherContactName: string;
  otherContactEmail: string;
  otherValueCents: number;
  otherCurrency: string;
  otherProducts: string[];
  otherExpectedCloseDate: string;
  otherSubmittedAt: string | null;
  otherProtectedUntil: string | null;
  rules: RuleHit[];
  isStrong: boolean;
  detectedAt: string;
}

export function toChannelConflict(s: StoredConflict): ChannelConflict {
  return {
    otherDealId: s.other_deal_id,
    otherPartnerName: s.other_partner_name,
    otherStatus: s.other_status,
    otherCustomerName: s.other_customer_name,
    otherCustomerDomain: s.other_customer_domain,
    otherContactName: s.other_contact_name,
    otherContactEmail: s.other_contact_email,
    otherValueCents: Number(s.other_value_cents),
    otherCurrency: s.other_currency,
    otherProducts: JSON.parse(s.other_products) as string[],
    otherExpectedCloseDate: s.other_expected_close_date,
    otherSubmittedAt: s.other_submitted_at,
    otherProtectedUntil: s.other_protected_until,
    rules: JSON.parse(s.rules) as RuleHit[],
    isStrong: s.is_strong === 1,
    detectedAt: s.detected_at,
  };
}

/** One line of a deal's timeline: an audit entry or a comment. */
export type TimelineItem =
  | {
      kind: 'audit';
      id: string;
      at: string;
      actor: string;
      action: string;
      from: string | null;
      to: string | null;
      reason: string | null;
      changes: Record<string, [unknown, unknown]> | null;
    }
  | { kind: 'comment'; id: string; at: string; actor: string; role: string; body: string };

export type { PartnerSafeConflict };
