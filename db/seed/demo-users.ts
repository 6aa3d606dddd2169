import { newId } from '../../src/lib/ids';
import { isoNow } from '../../src/lib/time';
import { hashPassword } from '../../src/server/auth/password';
import type { Db } from '../../src/server/db';
import type { Role } from '../../src/server/schema';

/** The demo accounts the README lists. All share DEMO_PASSWORD. */
export const DEMO_PARTNERS = [
  { key: 'northwind', name: 'Northwind Integrators', tier: 'gold', referralCode: 'northwind' },
  { key: 'bluepeak', name: 'Bluepeak Consulting', tier: 'registered', referralCode: 'bluepeak' },
] as const;

export const DEMO_USERS: {
  email: string;
  name: string;
  role: Role;
  partner?: 'northwind' | 'bluepeak';
}[] = [
  { email: 'admin@chasm.test', name: 'Ada Admin', role: 'admin' },
  { email: 'channel@chasm.test', name: 'Chen Channel', role: 'channel_manager' },
  { email: 'exec@chasm.test', name: 'Eve Executive', role: 'executive' },
  {
    email: 'ana@northwind.test',
    name: 'Ana Northwind',
    role: 'partner_admin',
    partner: 'northwind',
  },
  { email: 'raj@northwind.test', name: 'Raj Northwind', role: 'partner_rep', partner: 'northwind' },
  { email: 'lee@bluepeak.test', name: 'Lee Bluepeak', role: 'partner_admin', partner: 'bluepeak' },
];

/** Creates the demo partners and users once; returns false when they already exist. */
export async function seedDemoUsers(
  db: Db,
  password: string,
  now: Date = new Date(),
): Promise<boolean> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'admin@chasm.test')
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(password);
  const created = isoNow(now);
  await db.transaction().execute(async (trx) => {
    const partnerIds = new Map<string, string>();
    for (const partner of DEMO_PARTNERS) {
      const id = newId(now.getTime());
      partnerIds.set(partner.key, id);
      await trx
        .insertInto('partners')
        .values({
          id,
          name: partner.name,
          tier: partner.tier,
          referral_code: partner.referralCode,
          created_at: created,
        })
        .execute();
    }
    for (const user of DEMO_USERS) {
      await trx
        .insertInto('users')
        .values({
          id: newId(now.getTime()),
          email: user.email,
          name: user.name,
          role: user.role,
          partner_id: user.partner ? (partnerIds.get(user.partner) ?? null) : null,
          password_hash: passwordHash,
          created_at: created,
          updated_at: created,
        })
        .execute();
    }
  });
  return true;
}
