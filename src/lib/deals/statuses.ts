/** Every state a deal registration can be in (DESIGN.md, "Deals"). */
export const DEAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Waiting for a channel manager: these have a review deadline. */
export const PENDING_REVIEW_STATUSES: readonly DealStatus[] = ['submitted', 'under_review'];

/**
 * Registrations that hold a claim on a customer. A returned deal keeps its claim while the
 * partner answers; a draft was never registered; closed deals (won, lost, rejected, expired)
 * no longer hold anything.
 */
export const ACTIVE_STATUSES: readonly DealStatus[] = [
  'submitted',
  'under_review',
  'returned',
  'approved',
];

/** A partner's own open work: a duplicate of one of these is refused. */
export const OWN_OPEN_STATUSES: readonly DealStatus[] = ['draft', ...ACTIVE_STATUSES];

export const CLOSED_STATUSES: readonly DealStatus[] = ['rejected', 'won', 'lost', 'expired'];

export const EXTENSION_STATUSES = ['requested', 'approved', 'denied'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const STATUS_LABELS: Record<DealStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  under_review: 'Under review',
  returned: 'Returned: needs information',
  approved: 'Approved',
  rejected: 'Rejected',
  won: 'Won',
  lost: 'Lost',
  expired: 'Expired',
};

/** Badge colour class (global.css `.badge.<tone>`) per status. */
export const STATUS_TONES: Record<DealStatus, string> = {
  draft: '',
  submitted: 'brand',
  under_review: 'brand',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  won: 'success',
  lost: '',
  expired: '',
};

export function isDealStatus(value: string): value is DealStatus {
  return (DEAL_STATUSES as readonly string[]).includes(value);
}
