import type { DealInput } from '../../src/lib/deals/schema';
import type { SessionUser } from '../../src/server/auth/session';
import type { Db } from '../../src/server/db';
import { makePartner, makeUser } from './fixtures';

export interface PortalWorld {
  partnerA: string;
  partnerB: string;
  anaA: SessionUser;
  repA: SessionUser;
  leeB: SessionUser;
  repB: SessionUser;
  channel: SessionUser;
  admin: SessionUser;
  executive: SessionUser;
}

async function sessionUser(
  db: Db,
  role: SessionUser['role'],
  partner: { id: string; name: string } | null,
  name: string,
): Promise<SessionUser> {
  const u = await makeUser(db, { role, partnerId: partner?.id ?? null, name });
  return { id: u.id, email: u.email, name, role, partner };
}

/** Two partner companies (A gold, B registered) with an admin and a rep each, plus vendor staff. */
export async function makePortalWorld(db: Db, suffix = ''): Promise<PortalWorld> {
  const nameA = `Alpha Integrators${suffix}`;
  const nameB = `Beta Consulting${suffix}`;
  const partnerA = await makePartner(db, nameA);
  const partnerB = await makePartner(db, nameB);
  await db.updateTable('partners').set({ tier: 'gold' }).where('id', '=', partnerA).execute();
  const a = { id: partnerA, name: nameA };
  const b = { id: partnerB, name: nameB };
  return {
    partnerA,
    partnerB,
    anaA: await sessionUser(db, 'partner_admin', a, 'Ana Alpha'),
    repA: await sessionUser(db, 'partner_rep', a, 'Raj Alpha'),
    leeB: await sessionUser(db, 'partner_admin', b, 'Lee Beta'),
    repB: await sessionUser(db, 'partner_rep', b, 'Rey Beta'),
    channel: await sessionUser(db, 'channel_manager', null, 'Chen Channel'),
    admin: await sessionUser(db, 'admin', null, 'Ada Admin'),
    executive: await sessionUser(db, 'executive', null, 'Eve Exec'),
  };
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function word(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += LETTERS[Math.floor(Math.random() * LETTERS.length)];
  return out;
}

/** A valid deal input for a fresh customer (or the one given). */
export function dealInput(overrides: Partial<DealInput> = {}): DealInput {
  // Random names: similar test names would (rightly) match each other's fuzzy name rule.
  const slug = word(10);
  return {
    customerName: `${slug.charAt(0).toUpperCase()}${slug.slice(1)} ${word(6)} Ltd`,
    customerDomain: `${slug}.example`,
    country: 'GB',
    contactName: 'Casey Contact',
    contactEmail: `casey@${slug}.example`,
    contactTitle: 'CIO',
    valueCents: 12_500_000,
    currency: 'GBP',
    expectedCloseDate: inDays(60),
    products: ['voice', 'task-router'],
    useCase: 'Move the support lines to a cloud contact centre.',
    templateSlug: undefined,
    roiScenarioId: undefined,
    notes: undefined,
    externalId: undefined,
    ...overrides,
  };
}
