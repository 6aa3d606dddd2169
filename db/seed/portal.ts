import { newId } from '../../src/lib/ids';
import { HOUR, isoNow } from '../../src/lib/time';
import type { SessionUser } from '../../src/server/auth/session';
import { randomToken, sha256Hex } from '../../src/server/auth/tokens';
import type { Db, DbOrTx } from '../../src/server/db';
import { partnerApplicationInput } from '../../src/server/partners/application-schema';
import { submitPartnerApplication } from '../../src/server/partners/applications';
import { ago, seedBluepeak, seedNorthwind, type Ctx } from './portal-deals';

/**
 * Demo data for the systems-integrator portal: Northwind (gold) and Bluepeak (registered)
 * deals in every state (one approved and expiring soon, one in conflict, one overdue for
 * review, returned, draft, won, lost, expired, an extension request), template usage, a
 * pending partner application, an API key and a webhook endpoint with a delivery log.
 * Everything goes through the services with past dates, so audit trails and events are real.
 * Runs once: it does nothing when Northwind's first demo deal exists.
 */
export async function seedPortalDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  const existing = await db
    .selectFrom('deals')
    .select('id')
    .where('external_id', '=', 'NW-1001')
    .executeTakeFirst();
  if (existing) return false;
  const users = await db
    .selectFrom('users')
    .leftJoin('partners', 'partners.id', 'users.partner_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.partner_id',
      'partners.name as partner_name',
    ])
    .where('users.email', 'in', [
      'ana@northwind.test',
      'raj@northwind.test',
      'lee@bluepeak.test',
      'channel@chasm.test',
    ])
    .execute();
  const as = (email: string): SessionUser => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo user ${email} is missing`);
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      partner: u.partner_id ? { id: u.partner_id, name: u.partner_name ?? '' } : null,
    };
  };
  await db.transaction().execute(async (trx) => {
    const ctx: Ctx = {
      db: trx,
      now,
      ana: as('ana@northwind.test'),
      raj: as('raj@northwind.test'),
      lee: as('lee@bluepeak.test'),
      channel: as('channel@chasm.test'),
    };
    await seedNorthwind(ctx);
    await seedBluepeak(ctx);
    await seedApplication(trx, now);
    await seedIntegrations(ctx);
  });
  return true;
}

async function seedApplication(db: DbOrTx, now: Date) {
  const input = partnerApplicationInput.parse({
    companyName: 'Datum Systems',
    companyDomain: 'datum-systems.com',
    country: 'Netherlands',
    contactName: 'Noor de Vries',
    contactEmail: 'noor@datum-systems.com',
    contactTitle: 'Managing Director',
    companySize: '51-200',
    specialties: ['voice', 'task-router', 'sip-trunking'],
    message: 'We run Genesys migrations for Dutch insurers and want to prototype on Relay.',
  });
  await submitPartnerApplication(db, input, { source: 'form' }, new Date(now.getTime() - 5 * HOUR));
}

/** An API key (its secret is thrown away: create your own) and a webhook with a delivery log. */
async function seedIntegrations(ctx: Ctx) {
  const partnerId = ctx.ana.partner?.id ?? '';
  const created = ago(ctx, 40);
  await ctx.db
    .insertInto('api_keys')
    .values({
      id: newId(created.getTime()),
      partner_id: partnerId,
      name: 'Salesforce sync (demo)',
      prefix: `chasm_${randomToken(5)}`,
      key_hash: sha256Hex(randomToken(32)),
      created_by: ctx.ana.id,
      created_at: isoNow(created),
      expires_at: null,
      last_used_at: isoNow(ago(ctx, 0, 2)),
      revoked_at: null,
      revoked_by: null,
      rate_limit_per_minute: null,
    })
    .execute();
  const endpointId = newId(created.getTime());
  await ctx.db
    .insertInto('webhook_endpoints')
    .values({
      id: endpointId,
      partner_id: partnerId,
      url: 'https://crm.northwind.test/hooks/relay',
      description: 'Salesforce middleware (demo)',
      events: JSON.stringify([
        'deal.approved',
        'deal.returned',
        'deal.rejected',
        'deal.expiring',
        'deal.expired',
      ]),
      secret: `whsec_${randomToken(32)}`,
      is_active: 1,
      created_by: ctx.ana.id,
      created_at: isoNow(created),
      disabled_at: null,
    })
    .execute();
  const log: [string, number, number | null][] = [
    ['deal.approved', 21, 200],
    ['deal.returned', 3, 200],
    ['deal.expiring', 2, 503],
  ];
  for (const [event, daysAgo, status] of log) {
    const at = ago(ctx, daysAgo);
    const id = newId(at.getTime());
    const ok = status === 200;
    await ctx.db
      .insertInto('webhook_deliveries')
      .values({
        id,
        endpoint_id: endpointId,
        partner_id: partnerId,
        event_type: event,
        event_id: `evt_${newId(at.getTime())}`,
        deal_id: null,
        payload: JSON.stringify({ type: event, demo: true }),
        status: ok ? 'succeeded' : 'failed',
        attempts: ok ? 1 : 10,
        max_attempts: 10,
        last_status_code: status,
        last_error: ok ? null : `HTTP ${status}`,
        next_attempt_at: null,
        created_at: isoNow(at),
        completed_at: isoNow(at),
      })
      .execute();
    await ctx.db
      .insertInto('webhook_attempts')
      .values({
        id: newId(at.getTime()),
        delivery_id: id,
        attempt: 1,
        status_code: status,
        error: ok ? null : `HTTP ${status}`,
        duration_ms: ok ? 184 : 2011,
        response_snippet: ok ? '{"received":true}' : 'Service Unavailable',
        attempted_at: isoNow(at),
      })
      .execute();
  }
}
