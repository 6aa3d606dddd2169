import type { APIRoute } from 'astro';
import { csvResponse } from '../../../../server/http/csv-response';
import { exportDealAuditCsv } from '../../../../server/audit/service';
import { getDb } from '../../../../server/db';
import { AppError, HTTP_STATUS } from '../../../../server/errors';

/** One deal's audit trail as CSV, for channel managers and admins. */
export const GET: APIRoute = async ({ locals, params, url, redirect }) => {
  if (!locals.user) return redirect(`/login?next=${encodeURIComponent(url.pathname)}`, 303);
  try {
    const id = params.id ?? '';
    const csv = await exportDealAuditCsv(getDb(), locals.user, id);
    return csvResponse(`deal-${id.replace(/[^0-9A-Z]/g, '')}-audit.csv`, csv);
  } catch (error) {
    if (error instanceof AppError)
      return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
};
