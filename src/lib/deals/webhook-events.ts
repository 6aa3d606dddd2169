import type { DealStatus } from './statuses';

/** Events a partner can subscribe a webhook endpoint to. */
export const WEBHOOK_EVENTS = [
  'deal.submitted',
  'deal.approved',
  'deal.returned',
  'deal.rejected',
  'deal.expiring',
  'deal.expired',
  'deal.won',
  'deal.lost',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  'deal.submitted': 'A deal was submitted or resubmitted for review.',
  'deal.approved': 'A channel manager approved a deal; protection runs until protectedUntil.',
  'deal.returned': 'A deal was returned for more information; statusReason says what is missing.',
  'deal.rejected': 'A deal was rejected; statusReason says why.',
  'deal.expiring': 'Protection ends within 14 days, then within 3 (data.daysLeft says how many).',
  'deal.expired': 'Protection ended without the deal being won or lost.',
  'deal.won': 'The deal was marked won.',
  'deal.lost': 'The deal was marked lost.',
};

/** The webhook a status change fires, if any. */
export function webhookForStatus(status: DealStatus): WebhookEvent | null {
  const map: Partial<Record<DealStatus, WebhookEvent>> = {
    submitted: 'deal.submitted',
    approved: 'deal.approved',
    returned: 'deal.returned',
    rejected: 'deal.rejected',
    expired: 'deal.expired',
    won: 'deal.won',
    lost: 'deal.lost',
  };
  return map[status] ?? null;
}
