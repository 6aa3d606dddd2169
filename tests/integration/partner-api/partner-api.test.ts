import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { api, newKey, serverDb } from '../../helpers/api';
import { dealInput } from '../../helpers/portal';

let db: Db;
let key: string;

let leeKey: string;
beforeAll(async () => {
  db = serverDb();
  ({ key } = await newKey(db));
  ({ key: leeKey } = await newKey(db, 'lee@bluepeak.test'));
});
afterAll(() => db.destroy());

describe('authentication', () => {
  it('refuses a missing, malformed, unknown, revoked or expired key with 401 and WWW-Authenticate', async () => {
    for (const bad of [null, 'nope', 'chasm_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) {
      const response = await api('/deals', bad);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/Bearer/);
      expect((await response.json()).error.code).toBe('UNAUTHORIZED');
    }
    const revoked = await newKey(db);
    expect((await api('/deals', revoked.key)).status).toBe(200);
    await db
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', revoked.id)
      .execute();
    expect((await api('/deals', revoked.key)).status).toBe(401);
    const expired = await newKey(db);
    await db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const response = await api('/deals', expired.key);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/expired/);
  });

  it('records when a key was last used', async () => {
    const fresh = await newKey(db);
    await api('/templates', fresh.key);
    const row = await db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', fresh.id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });
});

describe('deals', () => {
  it('creates, reads, lists with a cursor, and submits', async () => {
    const input = dealInput({ externalId: `CRM-${Date.now()}` });
    const created = await api('/deals', key, { method: 'POST', body: input });
    expect(created.status).toBe(201);
    const deal = await created.json();
    expect(deal).toMatchObject({
      status: 'draft',
      externalId: input.externalId,
      source: 'api',
      valueCents: input.valueCents,
    });
    const got = await api(`/deals/${deal.id}`, key);
    expect((await got.json()).id).toBe(deal.id);
    const byExternal = await (await api(`/deals?externalId=${input.externalId}`, key)).json();
    expect(byExternal.data.map((d: { id: string }) => d.id)).toEqual([deal.id]);
    const submitted = await api(`/deals/${deal.id}/submit`, key, { method: 'POST', body: {} });
    expect(submitted.status).toBe(200);
    expect((await submitted.json()).status).toBe('submitted');
    const again = await api(`/deals/${deal.id}/submit`, key, { method: 'POST', body: {} });
    expect(again.status).toBe(409);
  });

  it('pages through every deal exactly once with cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { data: { id: string }[]; nextCursor: string | null } = await (
        await api(`/deals?limit=2${cursor ? `&cursor=${cursor}` : ''}`, key)
      ).json();
      seen.push(...body.data.map((d) => d.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const total = await db
      .selectFrom('deals')
      .innerJoin('users', 'users.id', 'deals.created_by')
      .select('deals.id')
      .where('users.email', 'like', '%@northwind.test')
      .execute();
    expect(seen.length).toBeGreaterThanOrEqual(total.length);
    expect((await api('/deals?cursor=garbage', key)).status).toBe(400);
  });

  it('answers bad input with 400 and field paths, never 500', async () => {
    const cases: [unknown, string[]][] = [
      [{ ...dealInput(), valueCents: -5 }, ['valueCents']],
      [{ ...dealInput(), valueCents: 10 ** 15 }, ['valueCents']],
      [{ ...dealInput(), customerDomain: 'not a domain' }, ['customerDomain']],
      [{ ...dealInput(), partnerId: 'someone-else' }, ['partnerId']],
      [{ ...dealInput(), products: ['telepathy'] }, ['products.0']],
      [{ ...dealInput(), expectedCloseDate: '2020-01-01' }, ['expectedCloseDate']],
    ];
    for (const [body, paths] of cases) {
      const response = await api('/deals', key, { method: 'POST', body });
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(
        paths,
      );
    }
    const invalidJson = await api('/deals', key, { method: 'POST', body: '{"customerName":' });
    expect(invalidJson.status).toBe(400);
    expect((await invalidJson.json()).error.message).toMatch(/JSON/);
    const unknownQuery = await api('/deals?partnerId=x', key);
    expect(unknownQuery.status).toBe(400);
  });

  it('another partner’s deal is a 404 on every route', async () => {
    const mine = await (await api('/deals', key, { method: 'POST', body: dealInput() })).json();
    expect((await api(`/deals/${mine.id}`, leeKey)).status).toBe(404);
    expect(
      (await api(`/deals/${mine.id}/submit`, leeKey, { method: 'POST', body: {} })).status,
    ).toBe(404);
    expect(
      (
        await api('/conflicts/check', leeKey, {
          method: 'POST',
          body: { customerName: 'X', dealId: mine.id },
        })
      ).status,
    ).toBe(404);
    const list = await (await api(`/deals?limit=100`, leeKey)).json();
    expect(JSON.stringify(list)).not.toContain(mine.id);
  });

  it('shows a conflict to the second partner without the first partner’s name', async () => {
    const input = dealInput({ products: ['voice'] });
    await api('/deals', key, { method: 'POST', body: { ...input, submit: true } });
    const check = await (
      await api('/conflicts/check', leeKey, {
        method: 'POST',
        body: { customerDomain: `www.${input.customerDomain}`, products: ['voice'] },
      })
    ).json();
    expect(check.conflicts).toHaveLength(1);
    expect(check.conflicts[0].description).toMatch(/waiting for review/);
    expect(JSON.stringify(check)).not.toMatch(/Northwind/);
    const second = await (
      await api('/deals', leeKey, { method: 'POST', body: { ...input, submit: true } })
    ).json();
    expect(second.conflict.flagged).toBe(true);
    expect(JSON.stringify(second)).not.toMatch(/Northwind/);
  });
});

describe('idempotency', () => {
  it('replays the same request, refuses another body with 422', async () => {
    const body = dealInput();
    const headers = { 'idempotency-key': `idem-${Date.now()}` };
    const first = await api('/deals', key, { method: 'POST', body, headers });
    const second = await api('/deals', key, { method: 'POST', body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await second.json()).id).toBe((await first.json()).id);
    const other = await api('/deals', key, {
      method: 'POST',
      body: { ...body, valueCents: 1 },
      headers,
    });
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('UNPROCESSABLE');
  });

  it('two concurrent requests with one key create one deal', async () => {
    const body = dealInput({ externalId: `CONC-${Date.now()}` });
    const headers = { 'idempotency-key': `conc-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => api('/deals', key, { method: 'POST', body, headers })),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const rows = await db
      .selectFrom('deals')
      .select('id')
      .where('external_id', '=', body.externalId!)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps a client error as the answer for that key', async () => {
    const headers = { 'idempotency-key': `err-${Date.now()}` };
    const body = { ...dealInput(), externalId: 'x y' };
    expect((await api('/deals', key, { method: 'POST', body, headers })).status).toBe(400);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After over the key’s limit', async () => {
    const limited = await newKey(db);
    await db
      .updateTable('api_keys')
      .set({ rate_limit_per_minute: 3 })
      .where('id', '=', limited.id)
      .execute();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await api('/templates', limited.key);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    expect((await last!.json()).error.code).toBe('TOO_MANY_REQUESTS');
    // The limit is per key: another key is unaffected.
    expect((await api('/templates', key)).status).toBe(200);
  });
});

describe('documents', () => {
  it('serves an OpenAPI 3.1 document with every operation and error', async () => {
    const doc = await (
      await fetch(`${(await import('vitest')).inject('baseUrl')}/api/v1/openapi.json`)
    ).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/conflicts/check',
      '/deals',
      '/deals/{id}',
      '/deals/{id}/comments',
      '/deals/{id}/extension',
      '/deals/{id}/outcome',
      '/deals/{id}/submit',
      '/deals/{id}/timeline',
      '/templates',
    ]);
    expect(Object.keys(doc.paths['/deals/{id}']).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/deals'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '409', '422', '429']),
    );
    expect(
      doc.paths['/deals'].post.requestBody.content['application/json'].schema.properties.valueCents
        .type,
    ).toBe('integer');
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain(
      'TOO_MANY_REQUESTS',
    );
    expect(Object.keys(doc.webhooks)).toContain('deal.approved');
  });

  it('lists templates with versions', async () => {
    const body = await (await api('/templates', key)).json();
    expect(body.data.map((t: { slug: string }) => t.slug)).toContain('virtual-contact-centre');
    expect(body.data[0].version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
