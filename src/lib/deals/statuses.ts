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

/** Audit actions beyond the state machine's, in words for the timeline. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Registered as a draft',
  edit: 'Edited',
  submit: 'Submitted for review',
  start_review: 'Review started',
  approve: 'Approved',
  return: 'Returned for information',
  reject: 'Rejected',
  mark_won: 'Marked won',
  mark_lost: 'Marked lost',
  expire: 'Protection ended',
  request_extension: 'Extension requested',
  approve_extension: 'Extension approved',
  deny_extension: 'Extension denied',
  comment: 'Commented',
  reminder: 'Reminder sent',
  escalate: 'Escalated to admins (review overdue)',
  revoke: 'Revoked',
  disable: 'Disabled',
};

/** Field names in the audit log's change lists, in words. */
export const FIELD_LABELS: Record<string, string> = {
  customer_name: 'Customer',
  customer_domain: 'Domain',
  country: 'Country',
  contact_name: 'Contact',
  contact_email: 'Contact e-mail',
  contact_title: 'Contact title',
  value_cents: 'Value (minor units)',
  currency: 'Currency',
  expected_close_date: 'Expected close',
  products: 'Products',
  use_case: 'Use case',
  template_slug: 'Template',
  template_version: 'Template version',
  roi_scenario_id: 'ROI scenario',
  notes: 'Notes',
  external_id: 'CRM id',
  protected_until: 'Protected until',
  extension_status: 'Extension',
  has_conflict: 'Conflict flag',
  review_due_at: 'Review due',
};
