import { z } from 'zod';
import { SOLUTION_SLUGS } from '../catalog';
import { DEAL_STATUSES, isDealStatus, type DealStatus } from './statuses';

export const DEAL_SORTS = [
  'created_desc',
  'updated_desc',
  'value_desc',
  'close_asc',
  'expiry_asc',
  'due_asc',
] as const;
export type DealSortKey = (typeof DEAL_SORTS)[number];

export const SORT_LABELS: Record<DealSortKey, string> = {
  created_desc: 'Newest first',
  updated_desc: 'Recently updated',
  value_desc: 'Highest value',
  close_asc: 'Closing soonest',
  expiry_asc: 'Protection ending soonest',
  due_asc: 'Review due soonest',
};

/** Filters, sort and page of a deal list: the same for the pages, tRPC and CSV export. */
export const dealListParams = z
  .object({
    status: z.array(z.enum(DEAL_STATUSES)).max(DEAL_STATUSES.length).optional(),
    conflict: z.enum(['any', 'yes', 'no']).default('any'),
    overdue: z.boolean().default(false),
    search: z.string().trim().max(200).optional(),
    template: z.enum(SOLUTION_SLUGS).optional(),
    sort: z.enum(DEAL_SORTS).default('created_desc'),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type DealListParams = z.output<typeof dealListParams>;

/** Reads list parameters from a query string, dropping what does not parse (links stay forgiving). */
export function dealListParamsFromQuery(query: URLSearchParams): DealListParams {
  const statuses = query.getAll('status').filter(isDealStatus) as DealStatus[];
  const sort = query.get('sort') ?? '';
  const template = query.get('template') ?? '';
  const conflict = query.get('conflict') ?? '';
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  return {
    ...(statuses.length > 0 ? { status: statuses } : {}),
    conflict: conflict === 'yes' || conflict === 'no' ? conflict : 'any',
    overdue: query.get('overdue') === '1',
    ...(query.get('q')?.trim() ? { search: (query.get('q') ?? '').trim().slice(0, 200) } : {}),
    ...((SOLUTION_SLUGS as readonly string[]).includes(template)
      ? { template: template as (typeof SOLUTION_SLUGS)[number] }
      : {}),
    sort: (DEAL_SORTS as readonly string[]).includes(sort) ? (sort as DealSortKey) : 'created_desc',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}
