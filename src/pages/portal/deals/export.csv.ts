import type { APIRoute } from 'astro';
import { dealListParamsFromQuery } from '../../../lib/deals/list-params';
import { csvResponse } from '../../../server/http/csv-response';
import { getDb } from '../../../server/db';
import { exportDealsCsv } from '../../../server/deals/list';
import { AppError, HTTP_STATUS } from '../../../server/errors';

/** The deal list as CSV, with the same filters as the page (every page, not just one). */
export const GET: APIRoute = async ({ locals, url, redirect }) => {
  if (!locals.user)
    return redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  try {
    const csv = await exportDealsCsv(
      getDb(),
      locals.user,
      dealListParamsFromQuery(url.searchParams),
    );
    return csvResponse(`deals-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  } catch (error) {
    if (error instanceof AppError)
      return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
};
