import { config } from '../config';

/**
 * Deal-registration settings. REVIEW_SLA_HOURS (validated in `config.ts`, documented in the
 * README's configuration table): how long a channel manager has to decide a submitted deal before
 * it counts as overdue and admins are told (default 48 hours; a common program promise, e.g.
 * "48 business hours", Assured Partner Program deal registration terms,
 * https://www.assuredpartnerprogram.com/deal-registration-terms-and-conditions/; Chasm counts
 * calendar hours so the deadline is the same in every time zone).
 */
export interface DealSettings {
  reviewSlaHours: number;
  /** Reminders go out this many days before protection ends, largest first. */
  reminderDays: readonly number[];
  /** "Expiring soon" on the dashboard: protection ends within this many days. */
  expiringSoonDays: number;
}

export function dealSettings(): DealSettings {
  return { reviewSlaHours: config().reviewSlaHours, reminderDays: [14, 3], expiringSoonDays: 14 };
}
