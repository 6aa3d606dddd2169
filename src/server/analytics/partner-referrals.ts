import { randomToken } from '../auth/tokens';
import { requirePartner } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db, DbOrTx } from '../db';
import { eachDay, type DashboardFilter } from '../../lib/analytics/range';
import * as repo from './referral-repository';

/**
 * The partner's referral code, created on first use from the company name (`northwind`), with a
 * short random suffix when that is taken. Codes are public (they appear in links) but unique.
 */
export async function ensureReferralCode(db: DbOrTx, partnerId: string): Promise<string> {
  const partner = await repo.findPartnerForReferral(db, partnerId);
  if (partner.referral_code) return partner.referral_code;
  const base =
    partner.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')[0] || 'partner';
  for (const candidate of [base, `${base}-${randomToken(3)}`, `${base}-${randomToken(5)}`]) {
    if (await repo.isReferralCodeTaken(db, candidate)) continue;
    if (await repo.setReferralCodeIfEmpty(db, partnerId, candidate)) return candidate;
    break;
  }
  const again = await repo.findPartnerForReferral(db, partnerId);
  if (!again.referral_code) throw new Error('Could not assign a referral code');
  return again.referral_code;
}

export interface PartnerReferrals {
  code: string;
  days: { day: string; visits: number; visitors: number }[];
  totals: {
    visits: number;
    visitorDays: number;
    landings: number;
    applications: number;
    leads: number;
  };
  deals: { status: string; deals: number }[];
}

/**
 * What a partner's referral links brought, for that partner only (the partner comes from the
 * session): visits and visitors from the rollups, then the applications and leads that carry its
 * code, and the deals it registered itself in the period.
 */
export async function getPartnerReferrals(
  db: Db,
  actor: SessionUser | null,
  filter: DashboardFilter,
): Promise<PartnerReferrals> {
  const { partnerId } = requirePartner(actor);
  const code = await ensureReferralCode(db, partnerId);
  const [visits, visitors, applications, leads, deals] = await Promise.all([
    repo.referralVisitsByDay(db, code, filter),
    repo.referralVisitorsByDay(db, code, filter),
    repo.countReferred(db, 'partner_applications', code, filter),
    repo.countReferred(db, 'leads', code, filter),
    repo.countPartnerDealsByStatus(db, partnerId, filter),
  ]);
  const visitsByDay = new Map(visits.map((v) => [v.day, v]));
  const visitorsByDay = new Map(visitors.map((v) => [v.day, Number(v.n)]));
  const days = eachDay(filter.from, filter.to).map((day) => ({
    day,
    visits: Number(visitsByDay.get(day)?.sessions ?? 0),
    visitors: visitorsByDay.get(day) ?? 0,
  }));
  return {
    code,
    days,
    totals: {
      visits: days.reduce((a, d) => a + d.visits, 0),
      visitorDays: days.reduce((a, d) => a + d.visitors, 0),
      landings: visits.reduce((a, v) => a + Number(v.page_views), 0),
      applications,
      leads,
    },
    deals,
  };
}
