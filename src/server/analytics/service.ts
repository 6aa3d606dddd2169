import type { DashboardFilter } from '../../lib/analytics/range';
import { AREA_ROLES, requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { AppError } from '../errors';
import { listContentFunnels, type FunnelContent } from './funnel-definitions';
import { listSavedFunnels } from './funnel-repository';
import { attribution } from './queries/attribution';
import { funnelReport } from './queries/funnels';
import { inferenceReport } from './queries/inference';
import { liftReport } from './queries/lift';
import { overview } from './queries/overview';
import { pipeline } from './queries/pipeline';
import { roiUsage } from './queries/roi-usage';
import { speedToLead } from './queries/speed-to-lead';

/** Who reads go-to-market analytics. Partners never do (they get their own referral view). */
export const ANALYTICS_ROLES = AREA_ROLES.analytics;

function allow(actor: SessionUser | null): void {
  requireRole(actor, ANALYTICS_ROLES);
}

export async function getOverview(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return overview(db, filter);
}

export interface FunnelChoice {
  id: string;
  name: string;
  description: string;
  steps: { label: string; type: string; path?: string | undefined }[];
  windowDays: number;
  isSaved: boolean;
}

/** Funnels from content, then funnels saved in the UI. */
export async function listFunnels(db: Db, actor: SessionUser | null): Promise<FunnelChoice[]> {
  allow(actor);
  const saved = await listSavedFunnels(db);
  return [
    ...listContentFunnels().map((f: FunnelContent) => ({ ...f, isSaved: false })),
    ...saved.map((f) => ({
      id: f.id,
      name: f.name,
      description: f.backfilled_at
        ? 'Saved in the dashboard.'
        : 'Saved in the dashboard; counting its history…',
      steps: (JSON.parse(f.steps) as { type: string; path?: string; label?: string }[]).map(
        (s) => ({ ...s, label: s.label ?? s.type }),
      ),
      windowDays: Math.round(f.window_ms / 86_400_000),
      isSaved: true,
    })),
  ];
}

async function funnelView(
  db: Db,
  actor: SessionUser | null,
  filter: DashboardFilter,
  pick: (funnels: FunnelChoice[]) => FunnelChoice | undefined,
) {
  const funnels = await listFunnels(db, actor);
  const funnel = pick(funnels);
  if (!funnel) throw new AppError('NOT_FOUND', 'There is no funnel with that id.');
  return {
    funnels,
    funnel,
    report: await funnelReport(db, funnel.id, funnel.steps.length, filter),
  };
}

/** One funnel's report, with the list it was found in; NOT_FOUND for an unknown id. */
export async function getFunnel(
  db: Db,
  actor: SessionUser | null,
  funnelId: string,
  filter: DashboardFilter,
) {
  return funnelView(db, actor, filter, (funnels) => funnels.find((f) => f.id === funnelId));
}

/** The dashboard's funnel: the requested one, or the first when the request names none we know. */
export async function getFunnelOrFirst(
  db: Db,
  actor: SessionUser | null,
  requested: string | null,
  filter: DashboardFilter,
) {
  return funnelView(
    db,
    actor,
    filter,
    (funnels) => funnels.find((f) => f.id === requested) ?? funnels[0],
  );
}

export async function getLift(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return liftReport(db, filter);
}

export async function getInference(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return inferenceReport(db, filter);
}

export async function getRoiUsage(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return roiUsage(db, filter);
}

export async function getSpeedToLead(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return speedToLead(db, filter);
}

export async function getPipeline(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return pipeline(db, filter);
}

/** First- and last-touch attribution of leads, registered deals and won value. */
export async function getAttribution(db: Db, actor: SessionUser | null, filter: DashboardFilter) {
  allow(actor);
  return attribution(db, filter);
}
