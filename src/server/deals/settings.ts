import { z } from 'zod';

/**
 * Deal-registration settings from the environment (documented in the README's configuration
 * table). REVIEW_SLA_HOURS: how long a channel manager has to decide a submitted deal before
 * it counts as overdue and admins are told (default 48 hours; a common program promise, e.g.
 * "48 business hours", Assured Partner Program deal registration terms,
 * https://www.assuredpartnerprogram.com/deal-registration-terms-and-conditions/; Chasm counts
 * calendar hours so the deadline is the same in every time zone).
 */
const envSchema = z.object({
  REVIEW_SLA_HOURS: z.coerce.number().positive().max(720).default(48),
});

export interface DealSettings {
  reviewSlaHours: number;
  /** Reminders go out this many days before protection ends, largest first. */
  reminderDays: readonly number[];
  /** "Expiring soon" on the dashboard: protection ends within this many days. */
  expiringSoonDays: number;
}

let cached: DealSettings | undefined;

export function loadDealSettings(env: NodeJS.ProcessEnv = process.env): DealSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment configuration: REVIEW_SLA_HOURS must be a number of hours (0 to 720).`,
    );
  }
  return {
    reviewSlaHours: parsed.data.REVIEW_SLA_HOURS,
    reminderDays: [14, 3],
    expiringSoonDays: 14,
  };
}

export function dealSettings(): DealSettings {
  cached ??= loadDealSettings();
  return cached;
}
