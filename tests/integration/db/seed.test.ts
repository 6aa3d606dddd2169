import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seed/index';
import { login } from '../../../src/server/users/login';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('demo data', () => {
  it('creates the six demo logins in their companies, once', async () => {
    expect(
      (await seedDemo(t.db, { password: 'demo-password-1', demoVisitorsPerDay: 3 })).created,
    ).toBe(true);
    expect(
      (await seedDemo(t.db, { password: 'demo-password-1', demoVisitorsPerDay: 3 })).created,
    ).toBe(false);

    const users = await t.db
      .selectFrom('users')
      .leftJoin('partners', 'partners.id', 'users.partner_id')
      .select(['users.email', 'users.role', 'partners.name as partner'])
      .orderBy('users.email')
      .execute();
    expect(users).toEqual([
      { email: 'admin@chasm.test', role: 'admin', partner: null },
      { email: 'ana@northwind.test', role: 'partner_admin', partner: 'Northwind Integrators' },
      { email: 'channel@chasm.test', role: 'channel_manager', partner: null },
      { email: 'exec@chasm.test', role: 'executive', partner: null },
      { email: 'lee@bluepeak.test', role: 'partner_admin', partner: 'Bluepeak Consulting' },
      { email: 'raj@northwind.test', role: 'partner_rep', partner: 'Northwind Integrators' },
    ]);
  });

  it('uses the configured password', async () => {
    const result = await login(t.db, {
      email: 'raj@northwind.test',
      password: 'demo-password-1',
      ip: '10.8.0.1',
    });
    expect(result.user.partner?.name).toBe('Northwind Integrators');
  });
});
