import { endOfDay } from '../../lib/analytics/range';
import type { DbOrTx } from '../db';

export async function findPartnerForReferral(db: DbOrTx, partnerId: string) {
  return db
    .selectFrom('partners')
    .select(['name', 'referral_code'])
    .where('id', '=', partnerId)
    .executeTakeFirstOrThrow();
}

export async function isReferralCodeTaken(db: DbOrTx, code: string): Promise<boolean> {
  return !!(await db
    .selectFrom('partners')
    .select('id')
    .where('referral_code', '=', code)
    .executeTakeFirst());
}

/** Sets the code only when the partner has none yet; false when someone set one first. */
export async function setReferralCodeIfEmpty(
  db: DbOrTx,
  partnerId: string,
  code: string,
): Promise<boolean> {
  const result = await db
    .updateTable('partners')
    .set({ referral_code: code })
    .where('id', '=', partnerId)
    .where('referral_code', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface DayRange {
  from: string;
  to: string;
}

export async function referralVisitsByDay(db: DbOrTx, code: string, range: DayRange) {
  return db
    .selectFrom('rollup_referrals')
    .select(['day', 'sessions', 'page_views'])
    .where('partner_ref', '=', code)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .execute();
}

export async function referralVisitorsByDay(db: DbOrTx, code: string, range: DayRange) {
  return db
    .selectFrom('rollup_visitors')
    .select(['day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('segment', '=', `ref:${code}`)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy('day')
    .execute();
}

/** Partner applications or leads created in the range that carry the referral code. */
export async function countReferred(
  db: DbOrTx,
  table: 'partner_applications' | 'leads',
  code: string,
  range: DayRange,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('referral_code', '=', code)
    .where('created_at', '>=', range.from)
    .where('created_at', '<=', endOfDay(range.to))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countPartnerDealsByStatus(db: DbOrTx, partnerId: string, range: DayRange) {
  const rows = await db
    .selectFrom('deals')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('partner_id', '=', partnerId)
    .where('created_at', '>=', range.from)
    .where('created_at', '<=', endOfDay(range.to))
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, deals: Number(r.n) }));
}
