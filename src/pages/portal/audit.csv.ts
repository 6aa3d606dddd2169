import type { APIRoute } from 'astro';
import { csvResponse } from '../../server/http/csv-response';
import { exportAuditCsv } from '../../server/audit/service';
import { getDb } from '../../server/db';
import { AppError, HTTP_STATUS } from '../../server/errors';

const TYPES = ['deal', 'application', 'api_key', 'webhook'] as const;

/** The whole audit log as CSV (channel managers and admins). */
export const GET: APIRoute = async ({ locals, url, redirect }) => {
  if (!locals.user)
    return redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  const type = url.searchParams.get('type') ?? '';
  const entityType = (TYPES as readonly string[]).includes(type)
    ? (type as (typeof TYPES)[number])
    : undefined;
  try {
    const csv = await exportAuditCsv(getDb(), locals.user, { entityType });
    return csvResponse(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  } catch (error) {
    if (error instanceof AppError)
      return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
};
