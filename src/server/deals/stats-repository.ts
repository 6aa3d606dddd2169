import { sql } from 'kysely';
import type { DbOrTx } from '../db';

/** Deal counts and value per status and currency, for one partner or all. */
export async function countByStatus(db: DbOrTx, partnerId: string | null) {
  let query = db
    .selectFrom('deals')
    .select((eb) => [
      'status',
      'currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('value_cents').as('value'),
    ])
    .groupBy(['status', 'currency']);
  if (partnerId) query = query.where('partner_id', '=', partnerId);
  const rows = await query.execute();
  return rows.map((r) => ({
    status: r.status,
    currency: r.currency,
    n: Number(r.n),
    value: Number(r.value ?? 0),
  }));
}

/** Per template: deals, won, lost, and value per currency. */
export async function templateStats(db: DbOrTx) {
  const rows = await db
    .selectFrom('deals')
    .select((eb) => [
      'template_slug',
      'currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when status = 'won' then 1 else 0 end`).as('won'),
      eb.fn.sum<number>(sql`case when status = 'lost' then 1 else 0 end`).as('lost'),
      eb.fn.sum<number>('value_cents').as('value'),
    ])
    .where('template_slug', 'is not', null)
    .where('status', '!=', 'draft')
    .groupBy(['template_slug', 'currency'])
    .execute();
  return rows.map((r) => ({
    templateSlug: r.template_slug as string,
    currency: r.currency,
    n: Number(r.n),
    won: Number(r.won ?? 0),
    lost: Number(r.lost ?? 0),
    value: Number(r.value ?? 0),
  }));
}

/** Decision times of the deals decided since a moment (for the median shown to channel managers). */
export async function decisionSecondsSince(db: DbOrTx, sinceIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom('deals')
    .select('decision_seconds')
    .where('decided_at', '>=', sinceIso)
    .where('decision_seconds', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.decision_seconds));
}

export async function countPendingApplications(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('partner_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Review queue figures: pending, overdue, pending with a conflict, extension requests. */
export async function reviewCounts(db: DbOrTx, nowIso: string) {
  const row = await db
    .selectFrom('deals')
    .select((eb) => [
      eb.fn
        .sum<number>(sql`case when status in ('submitted','under_review') then 1 else 0 end`)
        .as('pending'),
      eb.fn
        .sum<number>(
          sql`case when status in ('submitted','under_review') and review_due_at < ${nowIso} then 1 else 0 end`,
        )
        .as('overdue'),
      eb.fn
        .sum<number>(
          sql`case when status in ('submitted','under_review') and has_conflict = 1 then 1 else 0 end`,
        )
        .as('conflicts'),
      eb.fn
        .sum<number>(
          sql`case when status = 'approved' and extension_status = 'requested' then 1 else 0 end`,
        )
        .as('extensions'),
    ])
    .where('status', 'in', ['submitted', 'under_review', 'approved'])
    .executeTakeFirst();
  return {
    pending: Number(row?.pending ?? 0),
    overdue: Number(row?.overdue ?? 0),
    conflicts: Number(row?.conflicts ?? 0),
    extensions: Number(row?.extensions ?? 0),
  };
}

export async function findPartnerTier(db: DbOrTx, partnerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('partners')
    .select('tier')
    .where('id', '=', partnerId)
    .executeTakeFirst();
  return row?.tier ?? null;
}
