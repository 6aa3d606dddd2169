import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/format/csv';
import { csvResponse } from '../../server/http/csv-response';
import { responseClock, describeClock } from '../../lib/leads/response-clock';
import { getDb } from '../../server/db';
import { AppError } from '../../server/errors';
import { errorResponse } from '../../server/http/responses';
import { inboxFilterInput, listInbox } from '../../server/leads/inbox';
import { parseInput } from '../../server/validation';

const MAX_ROWS = 10_000;

/** The inbox as CSV, with the same filters (up to 10,000 leads). */
export const GET: APIRoute = async ({ locals, url }) => {
  try {
    if (!locals.user) throw new AppError('UNAUTHORIZED', 'Sign in to download leads.');
    const filter = parseInput(inboxFilterInput, {
      status: url.searchParams.get('status') || undefined,
      persona: url.searchParams.get('persona') || undefined,
      search: url.searchParams.get('q') || undefined,
    });
    const now = new Date();
    const { leads } = await listInbox(getDb(), locals.user, filter, now, MAX_ROWS);
    const header = [
      'id',
      'created_at',
      'name',
      'email',
      'company',
      'company_domain',
      'persona',
      'owner',
      'response_due_at',
      'first_response_at',
      'response',
      'utm_source',
      'utm_medium',
      'utm_campaign',
    ];
    const rows = leads.map((l) => [
      l.id,
      l.created_at,
      l.name,
      l.email,
      l.company,
      l.company_domain,
      l.persona,
      l.owner_key,
      l.response_due_at,
      l.first_response_at,
      describeClock(responseClock(l, now)),
      l.utm_source,
      l.utm_medium,
      l.utm_campaign,
    ]);
    return csvResponse(`leads-${now.toISOString().slice(0, 10)}.csv`, toCsv(header, rows));
  } catch (error) {
    return errorResponse(error);
  }
};
