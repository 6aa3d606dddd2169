import { z } from 'zod';
import { isCalendarDay } from '../time';
import { PERSONA_SLUGS } from '../catalog';

const DAY_MS = 86_400_000;
const dayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-24.')
  .refine(isCalendarDay, 'That date does not exist.');

/** The filter every dashboard view takes: inclusive UTC days and an optional persona. */
export const dashboardFilterSchema = z
  .object({
    from: dayString,
    to: dayString,
    persona: z.enum(PERSONA_SLUGS).optional(),
  })
  .refine((f) => f.from <= f.to, {
    message: 'The start date must be on or before the end date.',
    path: ['from'],
  })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS <= 366, {
    message: 'Choose at most a year.',
    path: ['to'],
  });
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last instant of a UTC day, as an ISO string: the inclusive end of a range of days. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the range, so charts show zero days instead of skipping them. */
export function eachDay(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

/** The period of the same length just before, for "compared with the previous period". */
export function previousPeriod(filter: DashboardFilter): DashboardFilter {
  const n = daysBetween(filter.from, filter.to);
  return { ...filter, from: addDays(filter.from, -n), to: addDays(filter.from, -1) };
}

/** The last `days` days up to today (UTC), the default view. */
export function lastDays(days: number, today: Date = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  return { from: addDays(to, -(days - 1)), to };
}
