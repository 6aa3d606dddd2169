import { resolve } from 'node:path';
import { createApiKey } from '../../../src/server/partner-api/keys';
import { createDatabase } from '../../../src/server/db';
import {
  forkServer,
  load,
  throughputRow,
  type Loaded,
  type BenchRow,
  type Ratio,
} from '../harness';
import type { BenchContext } from '../run';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGE = resolve(ROOT, 'dist/client/for/contact-center/index.html');

/** A partner admin's API key, made the way the portal makes one. */
async function partnerKey(databaseUrl: string): Promise<string> {
  const db = createDatabase(databaseUrl);
  try {
    const user = await db
      .selectFrom('users')
      .innerJoin('partners', 'partners.id', 'users.partner_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.role',
        'partners.id as partnerId',
        'partners.name as partnerName',
      ])
      .where('users.email', '=', 'ana@northwind.test')
      .executeTakeFirstOrThrow();
    const { id, key } = await createApiKey(
      db,
      {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        partner: { id: user.partnerId, name: user.partnerName },
      },
      { name: 'bench' },
    );
    // The load generator is one client far above a CRM's rate: lift this key's limit so the row
    // measures the API, not the 429s.
    await db
      .updateTable('api_keys')
      .set({ rate_limit_per_minute: 1_000_000 })
      .where('id', '=', id)
      .execute();
    return key;
  } finally {
    await db.destroy();
  }
}

/**
 * The edge server's budgets (issue 10), measured in one run: bare node:http with the bytes of
 * /for/contact-center; the same page from the edge; personalised `/` for a first-time visitor
 * (no cookies, utm_audience set, as ad traffic arrives: every request is a new visitor with
 * its cookies, exposure and page view) and for a returning one; a partner-API GET.
 */
export async function edgeSuite(ctx: BenchContext): Promise<{ rows: BenchRow[]; ratios: Ratio[] }> {
  const bare = await forkServer('servers/bare-bytes.ts', { BYTES_FILE: PAGE });
  try {
    const first = await fetch(`${ctx.baseUrl}/?utm_audience=contact-center`);
    if (!(await first.text()).includes('Keep your agents longer'))
      throw new Error('a new visitor with utm_audience did not get the personalised page');
    const key = await partnerKey(ctx.databaseUrl);
    const bareBytes = await load({ url: `${bare.url}/` });
    const prerendered = await load({ url: `${ctx.baseUrl}/for/contact-center` });
    const newVisitor = await load({ url: `${ctx.baseUrl}/?utm_audience=contact-center` });
    // The same cached bytes with the visit bookkeeping skipped (a crawler gets no cookie and no
    // event): what serving costs, so the gap to the new-visitor row is the exposure's commit
    // and the page view, not the cache.
    const crawler = await load({
      url: `${ctx.baseUrl}/?utm_audience=contact-center`,
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      },
    });
    const returning = await load({
      url: `${ctx.baseUrl}/`,
      headers: { cookie: 'chasm_vid=benchreturningvisitor01; chasm_persona=contact-center~d' },
    });
    const partnerApi = await load({
      url: `${ctx.baseUrl}/api/v1/templates`,
      headers: { authorization: `Bearer ${key}` },
    });
    const row = (name: string, r: Loaded) => throughputRow('edge', name, r);
    return {
      rows: [
        row('bare node:http, bytes of /for/contact-center', bareBytes),
        row('edge: prerendered /for/contact-center', prerendered),
        row('edge: personalised / for a new visitor (utm_audience)', newVisitor),
        row('edge: personalised / for a returning visitor', returning),
        row('edge: personalised / for a crawler (cache, no bookkeeping)', crawler),
        row('edge: partner API GET /api/v1/templates (Bearer key)', partnerApi),
      ],
      ratios: [
        {
          name: 'new-visitor / ÷ prerendered page',
          numerator: 'edge: personalised / for a new visitor (utm_audience)',
          denominator: 'edge: prerendered /for/contact-center',
          value: newVisitor.rps / prerendered.rps,
          budget: 0.9,
        },
        {
          name: 'returning-visitor / ÷ prerendered page',
          numerator: 'edge: personalised / for a returning visitor',
          denominator: 'edge: prerendered /for/contact-center',
          value: returning.rps / prerendered.rps,
        },
        {
          name: 'crawler / (cache alone) ÷ prerendered page',
          numerator: 'edge: personalised / for a crawler (cache, no bookkeeping)',
          denominator: 'edge: prerendered /for/contact-center',
          value: crawler.rps / prerendered.rps,
        },
        {
          name: 'prerendered page ÷ bare node:http (same bytes)',
          numerator: 'edge: prerendered /for/contact-center',
          denominator: 'bare node:http, bytes of /for/contact-center',
          value: prerendered.rps / bareBytes.rps,
          budget: 0.4,
        },
      ],
    };
  } finally {
    bare.child.kill();
  }
}
