import type { APIRoute } from 'astro';
import { tableToCsvRows, type ReportTable } from '../../../lib/analytics/tables';
import { toCsv } from '../../../lib/format/csv';
import { csvResponse } from '../../../server/http/csv-response';
import { readDashboardFilter } from '../../../server/analytics/filter';
import { findTemplate } from '../../../server/content/templates';
import { getSalesTeam } from '../../../server/content/campaign-content';
import {
  attributionTables,
  funnelTables,
  inferenceTables,
  liftTables,
  overviewTables,
  pipelineTables,
  roiUsageTables,
  speedTables,
} from '../../../server/analytics/report-tables';
import {
  getAttribution,
  getFunnel,
  getInference,
  getLift,
  getOverview,
  getPipeline,
  getRoiUsage,
  getSpeedToLead,
} from '../../../server/analytics/service';
import type { SessionUser } from '../../../server/auth/session';
import { getDb, type Db } from '../../../server/db';
import { errorResponse, jsonError } from '../../../server/http/responses';
import type { DashboardFilter } from '../../../lib/analytics/range';

type Builder = (
  db: Db,
  user: SessionUser | null,
  filter: DashboardFilter,
  url: URL,
) => Promise<ReportTable[]>;

/** Every dashboard table as CSV, with the same filter and permissions as the page. */
const VIEWS: Record<string, Builder> = {
  overview: async (db, user, filter) => overviewTables(await getOverview(db, user, filter)),
  funnels: async (db, user, filter, url) => {
    const { funnel, report } = await getFunnel(
      db,
      user,
      url.searchParams.get('funnel') ?? 'visit-to-lead',
      filter,
    );
    return funnelTables(funnel, report);
  },
  lift: async (db, user, filter) => liftTables((await getLift(db, user, filter)).personas),
  personas: async (db, user, filter) => inferenceTables(await getInference(db, user, filter)),
  roi: async (db, user, filter) => roiUsageTables(await getRoiUsage(db, user, filter)),
  pipeline: async (db, user, filter) =>
    pipelineTables(
      await getPipeline(db, user, filter),
      (slug) => findTemplate(slug)?.title ?? slug,
    ),
  attribution: async (db, user, filter) =>
    attributionTables(await getAttribution(db, user, filter)),
  speed: async (db, user, filter) => {
    const owners = getSalesTeam().owners;
    return speedTables(
      await getSpeedToLead(db, user, filter),
      (key) => owners.find((o) => o.key === key)?.name ?? key,
    );
  },
};

export const GET: APIRoute = async ({ params, url, locals }) => {
  const build = VIEWS[params.view ?? ''];
  if (!build)
    return jsonError(404, 'NOT_FOUND', `There is no analytics view called “${params.view}”.`);
  const { filter, errors } = readDashboardFilter(url);
  if (Object.keys(errors).length > 0) {
    return jsonError(400, 'BAD_REQUEST', 'The filter is not valid.', {
      issues: Object.entries(errors).map(([path, message]) => ({ path, message })),
    });
  }
  try {
    const tables = await build(getDb(), locals.user, filter, url);
    const name = url.searchParams.get('table') ?? tables[0]?.name;
    const table = tables.find((t) => t.name === name);
    if (!table)
      return jsonError(
        404,
        'NOT_FOUND',
        `This view has no table called “${name}”. Try: ${tables.map((t) => t.name).join(', ')}.`,
      );
    const { header, rows } = tableToCsvRows(table);
    return csvResponse(
      `chasm-${params.view}-${table.name}-${filter.from}-${filter.to}.csv`,
      toCsv(header, rows),
    );
  } catch (error) {
    return errorResponse(error);
  }
};
