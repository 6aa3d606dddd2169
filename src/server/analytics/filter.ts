import { dashboardFilterSchema, lastDays, type DashboardFilter } from '../../lib/analytics/range';
import { issuesByField, zodIssues } from '../validation';

/**
 * Reads the dashboard filter from a query string. Missing dates default to the last 30 days;
 * a bad value is reported beside its field and the default is used, so the page still shows.
 */
export function readDashboardFilter(
  url: URL,
  today: Date = new Date(),
): { filter: DashboardFilter; errors: Record<string, string> } {
  const defaults = lastDays(30, today);
  const raw = {
    from: url.searchParams.get('from') || defaults.from,
    to: url.searchParams.get('to') || defaults.to,
    persona: url.searchParams.get('persona') || undefined,
  };
  const parsed = dashboardFilterSchema.safeParse(raw);
  if (parsed.success) return { filter: parsed.data, errors: {} };
  return { filter: { ...defaults }, errors: issuesByField(zodIssues(parsed.error)) };
}

/** The filter as query parameters, for links that keep it (tabs, CSV). */
export function filterQuery(filter: DashboardFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.persona ? { persona: filter.persona } : {}),
    ...extra,
  });
  return params.toString();
}
