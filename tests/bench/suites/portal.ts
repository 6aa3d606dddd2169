import { createRandom } from '../../../src/lib/roi/analysis/random';
import autocannon from 'autocannon';
import { quantile } from 'd3-array';
import type { DealStatus } from '../../../src/lib/deals/statuses';
import { newId } from '../../../src/lib/ids';
import { matchKeysOf } from '../../../src/lib/matching/keys';
import type { SessionUser } from '../../../src/server/auth/session';
import { createDatabase, type Db } from '../../../src/server/db';
import { checkConflicts } from '../../../src/server/deals/conflicts';
import { createApiKey } from '../../../src/server/partner-api/keys';
import type { NewDeal } from '../../../src/server/schema';
import { throughputRow, type BenchRow, type Ratio } from '../harness';
import type { BenchContext } from '../run';

/**
 * The systems-integrator portal: the conflict check against 100,000 existing deals (p50/p95,
 * in process and over HTTP) and `POST /api/v1/deals` throughput, with and without an
 * Idempotency-Key. The check is measured before and after the 100,000 deals are loaded; the
 * ratio shows it uses indexed lookups (its cost follows matches, not table size).
 */
const DEALS = Number(process.env.BENCH_PORTAL_DEALS ?? 100_000);
const CHECKS = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

// The same seeded generator as the Monte Carlo runs, so every run loads the same deals.
const prng = createRandom;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tek',
  'no',
  'vi',
  'sta',
  'gen',
  'dor',
  'ex',
  'ul',
  'tri',
  'zen',
  'pha',
  'qua',
  'bel',
  'cor',
  'dyn',
  'fel',
];
const SUFFIXES = ['Inc', 'Ltd', 'GmbH', 'Corp', 'LLC', 'plc', 'AG', 'SA', ''];
const TLDS = ['com', 'co.uk', 'de', 'fr', 'io', 'com.au', 'nl'];
const STATUSES: DealStatus[] = [
  'approved',
  'approved',
  'approved',
  'submitted',
  'under_review',
  'returned',
  'won',
  'lost',
  'expired',
  'draft',
];
const PRODUCTS = ['voice', 'messaging', 'video', 'sip-trunking', 'task-router', 'wireless', 'sync'];

function company(rand: () => number, i: number) {
  const word = (n: number) =>
    Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  const base = `${word(2 + Math.floor(rand() * 2))}${i.toString(36)}`;
  const name =
    `${base.charAt(0).toUpperCase()}${base.slice(1)} ${word(2)} ${SUFFIXES[i % SUFFIXES.length]}`.trim();
  const domain = `${base}.${TLDS[i % TLDS.length]}`;
  return { name, domain, email: `buyer@${i % 5 === 0 ? 'gmail.com' : domain}` };
}

async function benchPartners(db: Db, count: number): Promise<SessionUser[]> {
  const users: SessionUser[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const partnerId = newId();
    const userId = newId();
    const name = `Bench Partner ${i}`;
    await db
      .insertInto('partners')
      .values({ id: partnerId, name, tier: 'silver', created_at: now })
      .execute();
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `bench${i}-${partnerId.slice(-6).toLowerCase()}@bench.test`,
        name: `Bench ${i}`,
        role: 'partner_admin',
        partner_id: partnerId,
        password_hash: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    users.push({
      id: userId,
      email: `bench${i}@bench.test`,
      name: `Bench ${i}`,
      role: 'partner_admin',
      partner: { id: partnerId, name },
    });
  }
  return users;
}

/** Loads `DEALS` deals spread over the partners, in batches (one transaction per batch). */
async function loadDeals(
  db: Db,
  partners: SessionUser[],
): Promise<{ ms: number; customers: ReturnType<typeof company>[] }> {
  const rand = prng(42);
  const started = performance.now();
  const customers: ReturnType<typeof company>[] = [];
  const now = Date.now();
  for (let offset = 0; offset < DEALS; offset += 500) {
    const rows: NewDeal[] = [];
    for (let i = offset; i < Math.min(DEALS, offset + 500); i++) {
      const c = company(rand, i);
      customers.push(c);
      const keys = matchKeysOf({
        customerName: c.name,
        customerDomain: c.domain,
        contactEmail: c.email,
      });
      const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
      const at = new Date(now - Math.floor(rand() * 200) * 86_400_000).toISOString();
      const owner = partners[i % partners.length]!;
      rows.push({
        id: newId(Date.parse(at)),
        partner_id: owner.partner!.id,
        created_by: owner.id,
        source: 'seed',
        status,
        customer_name: c.name,
        customer_domain: c.domain,
        country: 'GB',
        contact_name: 'Buyer',
        contact_email: c.email,
        contact_title: null,
        value_cents: 1_000_000 + Math.floor(rand() * 50_000_000),
        currency: 'EUR',
        expected_close_date: '2027-06-30',
        products: JSON.stringify([
          PRODUCTS[i % PRODUCTS.length],
          PRODUCTS[(i * 3) % PRODUCTS.length],
        ]),
        use_case: 'Bench deal.',
        template_slug: null,
        template_version: null,
        roi_scenario_id: null,
        notes: null,
        external_id: null,
        domain_key: keys.domainKey,
        email_domain_key: keys.emailDomainKey,
        name_key: keys.nameKey,
        name_prefix: keys.namePrefix,
        name_suffix: keys.nameSuffix,
        submitted_at: status === 'draft' ? null : at,
        last_submitted_at: status === 'draft' ? null : at,
        protected_until:
          status === 'approved' ? new Date(now + 60 * 86_400_000).toISOString() : null,
        created_at: at,
        updated_at: at,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto('deals').values(rows).execute());
  }
  return { ms: performance.now() - started, customers };
}

/** Times the conflict service: half the checks hit an existing customer (typed differently). */
async function timeChecks(db: Db, actor: SessionUser, customers: ReturnType<typeof company>[]) {
  const rand = prng(7);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < CHECKS; i++) {
    const existing =
      customers.length > 0 && i % 2 === 0
        ? customers[Math.floor(rand() * customers.length)]
        : undefined;
    const c = existing ?? company(rand, 10_000_000 + i);
    const input = {
      customerName: c.name.toUpperCase(),
      customerDomain: `www.${c.domain}`,
      contactEmail: c.email,
      products: ['voice'] as 'voice'[],
    };
    const started = performance.now();
    const report = await checkConflicts(db, actor, input);
    times.push(performance.now() - started);
    if (report.conflicts.length > 0 || report.duplicate || report.related.length > 0) hits++;
  }
  times.sort((a, b) => a - b);
  return {
    p50: quantile(times, 0.5) ?? 0,
    p95: quantile(times, 0.95) ?? 0,
    p99: quantile(times, 0.99) ?? 0,
    hits,
  };
}

interface Loaded {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function loadPosts(
  url: string,
  key: string,
  body: (i: number) => unknown,
  withIdempotency: boolean,
  seconds = SECONDS,
): Promise<Loaded> {
  let counter = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
    duration: seconds,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const i = counter++;
          const headers: Record<string, string> = {
            ...(request.headers as Record<string, string>),
          };
          if (withIdempotency) headers['idempotency-key'] = `bench-${Date.now()}-${i}`;
          return { ...request, headers, body: JSON.stringify(body(i)) };
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A new customer per request: random letters, so no two bodies are near-duplicates by name. */
/** Two measurements of one variant: mean throughput, worst latency percentiles, all errors. */
function combine(runs: Loaded[]): Loaded {
  return {
    rps: Math.round(runs.reduce((s, r) => s + r.rps, 0) / runs.length),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

function dealBody(seed: number) {
  const rand = prng(seed);
  const letters = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
  return () => {
    const word = letters(12);
    return {
      customerName: `${word} ${letters(6)} GmbH`,
      customerDomain: `${word}.de`,
      country: 'DE',
      contactName: 'Bench Buyer',
      contactEmail: `buyer@${word}.de`,
      valueCents: 5_000_000,
      currency: 'EUR',
      expectedCloseDate: '2027-06-30',
      products: ['voice', 'task-router'],
      useCase: 'Benchmark registration from a CRM.',
      submit: true,
    };
  };
}

export async function portalSuite(
  ctx: BenchContext,
): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const db = createDatabase(ctx.databaseUrl);
  try {
    const partners = await benchPartners(db, 20);
    const actor = partners[0]!;
    const small = await timeChecks(db, actor, []);
    console.log(`  loading ${DEALS.toLocaleString('en-US')} deals…`);
    const { ms, customers } = await loadDeals(db, partners);
    const large = await timeChecks(db, actor, customers);
    const { key, id } = await createApiKey(db, actor, { name: 'bench' });
    await db
      .updateTable('api_keys')
      .set({ rate_limit_per_minute: 1_000_000 })
      .where('id', '=', id)
      .execute();
    const rand = prng(11);
    const http = await loadPosts(
      `${ctx.baseUrl}/api/v1/conflicts/check`,
      key,
      () => {
        const c = customers[Math.floor(rand() * customers.length)]!;
        return {
          customerName: c.name,
          customerDomain: c.domain,
          contactEmail: c.email,
          products: ['voice'],
        };
      },
      false,
    );
    // Warm-up (not recorded): the first seconds of load pay for JIT and cold caches.
    await loadPosts(`${ctx.baseUrl}/api/v1/deals`, key, dealBody(3), false, 2);
    // Two alternating rounds each, so neither variant profits from running second.
    const rounds: Loaded[][] = [[], []];
    for (let round = 0; round < 2; round++) {
      rounds[0]!.push(
        await loadPosts(
          `${ctx.baseUrl}/api/v1/deals`,
          key,
          dealBody(10 + round),
          false,
          SECONDS / 2,
        ),
      );
      rounds[1]!.push(
        await loadPosts(
          `${ctx.baseUrl}/api/v1/deals`,
          key,
          dealBody(20 + round),
          true,
          SECONDS / 2,
        ),
      );
    }
    const [plain, idempotent] = rounds.map(combine) as [Loaded, Loaded];
    const row = (name: string, r: Loaded) => throughputRow('portal', name, r);
    return {
      rows: [
        {
          suite: 'portal',
          name: `load ${DEALS.toLocaleString('en-US')} deals`,
          value: Math.round((DEALS / ms) * 1000),
          unit: 'rows/s',
          detail: { seconds: Math.round(ms / 100) / 10 },
        },
        {
          suite: 'portal',
          name: 'conflict check, demo data only (in process)',
          value: small.p50,
          unit: 'ms p50',
          detail: { p95_ms: small.p95, p99_ms: small.p99, checks: CHECKS },
        },
        {
          suite: 'portal',
          name: `conflict check vs ${DEALS.toLocaleString('en-US')} deals (in process)`,
          value: large.p50,
          unit: 'ms p50',
          detail: {
            p95_ms: large.p95,
            p99_ms: large.p99,
            checks: CHECKS,
            with_matches: large.hits,
          },
        },
        row('POST /api/v1/conflicts/check (100k deals)', http),
        row('POST /api/v1/deals (submit: true)', plain),
        row('POST /api/v1/deals + Idempotency-Key', idempotent),
      ],
      ratios: [
        {
          name: 'conflict check p50: 100k deals / demo data',
          numerator: 'conflict check vs 100k',
          denominator: 'demo data only',
          value: large.p50 / Math.max(small.p50, 0.001),
        },
        {
          name: 'POST /deals with Idempotency-Key / without',
          numerator: 'POST /api/v1/deals + Idempotency-Key',
          denominator: 'POST /api/v1/deals',
          value: idempotent.rps / Math.max(plain.rps, 1),
        },
      ],
    };
  } finally {
    await db.destroy();
  }
}
