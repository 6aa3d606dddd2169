import { isWebsiteTraffic } from '../../lib/events';
import { advance, type FunnelDefinition, type FunnelProgress } from '../../lib/analytics/funnel';
import { sessionSource } from '../../lib/analytics/sessions';
import type { DbOrTx } from '../db';
import type { NewEvent } from '../schema';
import { Counter } from './counter';
import * as repo from './rollup-repository';

/** The event that counts as a conversion for personalisation lift. */
export const CONVERSION_TYPE = 'lead_created';
/** A conversion is credited to exposures in the 7 days before it (Mutiny's default window). */
export const ATTRIBUTION_WINDOW_MS = 7 * 86_400_000;

export type RolledEvent = Pick<
  NewEvent,
  | 'occurred_at'
  | 'type'
  | 'visitor_id'
  | 'persona'
  | 'variant'
  | 'path'
  | 'properties'
  | 'utm_source'
  | 'referrer_host'
  | 'partner_ref'
> & { isSessionStart: boolean };

const day = (iso: string) => iso.slice(0, 10);

/**
 * Only visitors who could have been held out count for lift: someone who chose their persona
 * always sees it, so counting them would compare choosers with a random holdout.
 */
export function isHoldoutEligible(properties: string): boolean {
  return (JSON.parse(properties) as { isHoldoutEligible?: boolean }).isHoldoutEligible !== false;
}
const orEmpty = (value: string | null | undefined) => value ?? '';

/** The additive rollups of one batch, summed in memory: one upsert per key afterwards. */
/**
 * The path an event is counted under. A calculator run (`roi_computed`) counts under its
 * model's page, `/roi/<model>`, whatever page posted it: `/roi/attrition/`, `/roi` and a
 * market-sizing run sent from the attrition page all land on the model that ran.
 */
export function countedPath(e: { type: string; path?: string | null; properties: string }): string {
  if (e.type === 'roi_computed') {
    try {
      const model = (JSON.parse(e.properties) as { model?: unknown }).model;
      if (typeof model === 'string' && model) return `/roi/${model}`;
    } catch {
      // fall through to the page
    }
  }
  return orEmpty(e.path);
}

class BatchTally {
  readonly counts = new Counter<{
    day: string;
    persona: string;
    variant: string;
    type: string;
    path: string;
  }>();
  readonly sessions = new Counter<{ day: string; persona: string; source: string }>();
  readonly switches = new Counter<{
    day: string;
    from_persona: string;
    from_source: string;
    to_persona: string;
  }>();
  readonly referrals = new Map<
    string,
    { day: string; partner_ref: string; sessions: number; page_views: number }
  >();
  readonly visitors = new Map<string, { day: string; segment: string; visitor_id: string }>();

  private visitor(d: string, segment: string, visitorId: string): void {
    this.visitors.set(`${d}|${segment}|${visitorId}`, { day: d, segment, visitor_id: visitorId });
  }

  add(e: RolledEvent): void {
    const d = day(e.occurred_at);
    const persona = orEmpty(e.persona);
    this.counts.add({
      day: d,
      persona,
      variant: orEmpty(e.variant),
      type: e.type,
      path: countedPath(e),
    });
    // A business event is counted above and nowhere else: it is not a visitor or a visit.
    if (!isWebsiteTraffic(e.type)) return;
    this.visitor(d, 'all', e.visitor_id);
    if (e.persona) this.visitor(d, `persona:${e.persona}`, e.visitor_id);
    if (e.isSessionStart)
      this.sessions.add({ day: d, persona, source: sessionSource(e.utm_source, e.referrer_host) });
    if (e.partner_ref) this.addReferral(d, e);
    if (e.type === 'persona_switched') {
      const p = JSON.parse(e.properties) as {
        from?: string | null;
        fromSource?: string | null;
        to?: string;
      };
      this.switches.add({
        day: d,
        from_persona: p.from ?? '',
        from_source: p.fromSource ?? '',
        to_persona: p.to ?? persona,
      });
      this.visitor(d, 'switched', e.visitor_id);
    }
  }

  private addReferral(d: string, e: RolledEvent): void {
    const code = e.partner_ref!;
    const key = `${d}|${code}`;
    const row = this.referrals.get(key) ?? {
      day: d,
      partner_ref: code,
      sessions: 0,
      page_views: 0,
    };
    row.sessions += e.isSessionStart ? 1 : 0;
    row.page_views += e.type === 'page_view' ? 1 : 0;
    this.referrals.set(key, row);
    this.visitor(d, `ref:${code}`, e.visitor_id);
  }

  async write(db: DbOrTx): Promise<void> {
    await repo.addEventCounts(db, this.counts.rows());
    await repo.addVisitors(db, [...this.visitors.values()]);
    await repo.addSessionCounts(db, this.sessions.rows());
    await repo.addSwitchCounts(db, this.switches.rows());
    await repo.addReferralCounts(
      db,
      [...this.referrals.values()].filter((r) => r.sessions > 0 || r.page_views > 0),
    );
  }
}

/**
 * Folds a batch of just-recorded events into the rollup tables, in the same transaction as
 * the events: the additive counts, then lift (exposures and conversions), then each funnel.
 */
export async function applyRollups(
  db: DbOrTx,
  events: RolledEvent[],
  funnels: FunnelDefinition[],
): Promise<void> {
  const tally = new BatchTally();
  for (const e of events) tally.add(e);
  await tally.write(db);
  await applyLift(db, events);
  for (const funnel of funnels) await applyFunnel(db, funnel, events);
}

/**
 * First exposures count once per visitor and persona; a conversion credits that visitor's
 * unconverted exposures of the 7 days before it. Processed in event order, so exposures
 * recorded before a conversion (in this batch or earlier ones) are the ones it can credit.
 */
async function applyLift(db: DbOrTx, events: RolledEvent[]): Promise<void> {
  const rows = new Map<
    string,
    { day: string; persona: string; variant: string; exposed: number; converted: number }
  >();
  const put = (
    key: { day: string; persona: string; variant: string },
    field: 'exposed' | 'converted',
  ) => {
    const id = `${key.day}|${key.persona}|${key.variant}`;
    const row = rows.get(id) ?? { ...key, exposed: 0, converted: 0 };
    row[field] += 1;
    rows.set(id, row);
  };
  let pending = new Map<
    string,
    { visitor_id: string; persona: string; variant: string; exposed_at: string }
  >();
  const flush = async () => {
    for (const row of await repo.insertExposures(db, [...pending.values()])) {
      put({ day: day(row.exposed_at), persona: row.persona, variant: row.variant }, 'exposed');
    }
    pending = new Map();
  };
  for (const e of events) {
    if (
      e.type === 'experience_viewed' &&
      e.persona &&
      e.variant &&
      isHoldoutEligible(e.properties)
    ) {
      const key = `${e.visitor_id}|${e.persona}`;
      if (!pending.has(key))
        pending.set(key, {
          visitor_id: e.visitor_id,
          persona: e.persona,
          variant: e.variant,
          exposed_at: e.occurred_at,
        });
    } else if (e.type === CONVERSION_TYPE) {
      await flush();
      const since = new Date(Date.parse(e.occurred_at) - ATTRIBUTION_WINDOW_MS).toISOString();
      for (const row of await repo.convertExposures(db, e.visitor_id, since, e.occurred_at)) {
        put({ day: day(row.exposed_at), persona: row.persona, variant: row.variant }, 'converted');
      }
    }
  }
  await flush();
  await repo.addLiftCounts(db, [...rows.values()]);
}

/** Advances each visitor's place in one funnel and counts the steps newly reached. */
async function applyFunnel(
  db: DbOrTx,
  funnel: FunnelDefinition,
  events: RolledEvent[],
): Promise<void> {
  const visitorIds = [...new Set(events.map((e) => e.visitor_id))];
  const stored = await repo.findFunnelProgress(db, funnel.id, visitorIds);
  const progress = new Map<string, FunnelProgress | null>(
    stored.map((p) => [
      p.visitor_id,
      {
        step: p.step,
        enteredAt: Date.parse(p.entered_at),
        lastAt: Date.parse(p.last_at),
        persona: p.persona || null,
      },
    ]),
  );
  const changed = new Set<string>();
  const reached = new Counter<{ funnel_id: string; day: string; persona: string; step: number }>();
  for (const e of events) {
    const result = advance(funnel, progress.get(e.visitor_id) ?? null, {
      visitorId: e.visitor_id,
      type: e.type,
      path: e.path ?? null,
      persona: e.persona ?? null,
      at: Date.parse(e.occurred_at),
    });
    if (!result) continue;
    progress.set(e.visitor_id, result.progress);
    changed.add(e.visitor_id);
    const entered = new Date(result.progress.enteredAt).toISOString();
    reached.add({
      funnel_id: funnel.id,
      day: day(entered),
      persona: orEmpty(result.progress.persona),
      step: result.reached,
    });
  }
  await repo.saveFunnelProgress(
    db,
    [...changed].map((visitorId) => {
      const p = progress.get(visitorId)!;
      return {
        funnel_id: funnel.id,
        visitor_id: visitorId,
        step: p.step,
        entered_at: new Date(p.enteredAt).toISOString(),
        last_at: new Date(p.lastAt).toISOString(),
        persona: orEmpty(p.persona),
      };
    }),
  );
  await repo.addFunnelCounts(db, reached.rows());
}
