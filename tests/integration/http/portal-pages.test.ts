import { describe, expect, it } from 'vitest';
import { serverDb } from '../../helpers/api';
import { makeUser, TEST_PASSWORD } from '../../helpers/fixtures';
import { baseUrl, postForm, signIn } from '../../helpers/http';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function dealForm(suffix: string, overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    customerName: `Pagetest ${suffix} Ltd`,
    customerDomain: `pagetest-${suffix}.example`,
    country: 'GB',
    contactName: 'Pat Page',
    contactEmail: `pat@pagetest-${suffix}.example`,
    value: '125,000.50',
    currency: 'GBP',
    expectedCloseDate: inDays(30),
    useCase: 'A contact centre for the page tests.',
    intent: 'submit',
    ...overrides,
  });
}

async function post(path: string, body: URLSearchParams, cookie: string) {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), cookie },
    body: body.toString(),
  });
}

describe('portal pages work without JavaScript', () => {
  it('registers a deal from the form and redirects to it (Post/Redirect/Get)', async () => {
    const cookie = await signIn('raj@northwind.test');
    const body = dealForm(`${Date.now()}`);
    body.append('products', 'voice');
    body.append('products', 'messaging');
    const response = await post('/portal/deals/new', body, cookie);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/portal\/deals\/[0-9A-Z]{26}\?notice=submitted$/);
    const page = await (await fetch(`${baseUrl()}${location}`, { headers: { cookie } })).text();
    expect(page).toContain('£125,000.50');
    expect(page).toContain('Submitted');
  });

  it('a bad post answers 400 with errors beside the fields and keeps the values', async () => {
    const cookie = await signIn('raj@northwind.test');
    const response = await post(
      '/portal/deals/new',
      dealForm('bad', { customerDomain: 'not a domain', value: '-5' }),
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter the customer&#39;s web domain, like acme.com.');
    expect(html).toContain('Enter an amount like 125000 or 125000.50.');
    expect(html).toContain('Choose at least one product.');
    expect(html).toContain('value="Pagetest bad Ltd"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('“Check for conflicts” shows the evidence without the other partner’s name', async () => {
    // A Bluepeak colleague of lee's: another test locks lee's account on purpose.
    const db = serverDb();
    const bluepeak = await db
      .selectFrom('partners')
      .select('id')
      .where('name', '=', 'Bluepeak Consulting')
      .executeTakeFirstOrThrow();
    const colleague = await makeUser(db, { role: 'partner_rep', partnerId: bluepeak.id });
    await db.destroy();
    const cookie = await signIn(colleague.email, TEST_PASSWORD);
    const body = dealForm('check', {
      customerName: 'Woodgrove',
      customerDomain: 'woodgrovebank.com',
      contactEmail: 'x@woodgrovebank.com',
      intent: 'check',
    });
    body.append('products', 'voice');
    const response = await post('/portal/deals/new', body, cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Another partner registered this customer on');
    expect(html).toContain('Same customer web domain (woodgrovebank.com');
    expect(html).not.toContain('Northwind');
  });

  it('an applicant applies at /partners/apply', async () => {
    const response = await postForm('/partners/apply', {
      companyName: 'Formapply BV',
      companyDomain: 'https://www.formapply.test/',
      country: 'Netherlands',
      contactName: 'Fenna',
      contactEmail: `fenna-${Date.now()}@formapply.test`,
      specialties: 'voice',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/partners/apply?submitted=1');
    const bad = await postForm('/partners/apply', { companyName: '', companyDomain: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Choose at least one product you build on.');
  });

  it('CSV exports are downloads; the audit export is for channel managers only', async () => {
    const ana = await signIn('ana@northwind.test');
    const csv = await fetch(`${baseUrl()}/portal/deals/export.csv?status=approved`, {
      headers: { cookie: ana },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="deals-/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^id,external_id,status,customer/);
    expect(text).not.toContain('Bluepeak');
    expect(
      (await fetch(`${baseUrl()}/portal/audit.csv`, { headers: { cookie: ana } })).status,
    ).toBe(403);
    const channel = await signIn('channel@chasm.test');
    const audit = await fetch(`${baseUrl()}/portal/audit.csv`, { headers: { cookie: channel } });
    expect(audit.status).toBe(200);
    expect((await audit.text()).split('\r\n').length).toBeGreaterThan(10);
  });

  it('every portal screen renders for its roles', async () => {
    const pages: [string, string[]][] = [
      [
        'ana@northwind.test',
        [
          '/portal',
          '/portal/deals',
          '/portal/deals/new',
          '/portal/templates',
          '/portal/templates/speed-to-lead',
          '/portal/api-keys',
          '/portal/webhooks',
        ],
      ],
      ['raj@northwind.test', ['/portal', '/portal/deals']],
      [
        'channel@chasm.test',
        [
          '/portal',
          '/portal/review',
          '/portal/review?overdue=1',
          '/portal/review/applications',
          '/portal/audit',
          '/portal/templates',
        ],
      ],
    ];
    for (const [email, paths] of pages) {
      const cookie = await signIn(email);
      for (const path of paths) {
        const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie } });
        expect(response.status, `${email} ${path}`).toBe(200);
      }
    }
    const raj = await signIn('raj@northwind.test');
    expect((await fetch(`${baseUrl()}/portal/api-keys`, { headers: { cookie: raj } })).status).toBe(
      403,
    );
    expect((await fetch(`${baseUrl()}/portal/review`, { headers: { cookie: raj } })).status).toBe(
      403,
    );
    expect((await fetch(`${baseUrl()}/docs/api`)).status).toBe(200);
  });
});
