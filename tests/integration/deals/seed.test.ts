import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seed/index';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('portal demo data', () => {
  it('puts deals in every state the screens need, once', async () => {
    await seedDemo(t.db, { password: 'demo-password-1' });
    await seedDemo(t.db, { password: 'demo-password-1' });
    const deals = await t.db
      .selectFrom('deals')
      .innerJoin('partners', 'partners.id', 'deals.partner_id')
      .select([
        'deals.external_id',
        'deals.status',
        'deals.has_conflict',
        'deals.protected_until',
        'deals.review_due_at',
        'deals.template_slug',
        'deals.extension_status',
        'partners.name',
      ])
      .execute();
    expect(deals.filter((d) => d.external_id === 'NW-1001')).toHaveLength(1);
    const statuses = new Set(deals.map((d) => d.status));
    for (const s of [
      'draft',
      'submitted',
      'under_review',
      'returned',
      'approved',
      'won',
      'lost',
      'expired',
    ])
      expect(statuses).toContain(s);
    const now = new Date().toISOString();
    const soon = new Date(Date.now() + 14 * 86_400_000).toISOString();
    expect(
      deals.some(
        (d) => d.status === 'approved' && d.protected_until! > now && d.protected_until! < soon,
      ),
    ).toBe(true);
    expect(deals.some((d) => d.has_conflict === 1 && d.name === 'Bluepeak Consulting')).toBe(true);
    expect(deals.some((d) => d.status === 'submitted' && d.review_due_at! < now)).toBe(true);
    expect(deals.some((d) => d.extension_status === 'requested')).toBe(true);
    expect(deals.filter((d) => d.template_slug).length).toBeGreaterThanOrEqual(5);
    const pending = await t.db
      .selectFrom('partner_applications')
      .select('status')
      .where('status', '=', 'submitted')
      .execute();
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const audit = await t.db.selectFrom('audit_log').select('id').execute();
    expect(audit.length).toBeGreaterThan(30);
  }, 120_000); // seeding twice takes 10–30 s on two busy cores; the default 30 s is too tight
});
