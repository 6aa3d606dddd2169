import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { baseUrl, signIn } from '../../helpers/http';

/** Strict RFC 4180: CRLF records, every row as wide as the header, no stray quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, {
    record_delimiter: '\r\n',
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
  }) as string[][];
}

const TODAY = new Date().toISOString().slice(0, 10);
const NINETY_DAYS_AGO = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);
const RANGE = `from=${NINETY_DAYS_AGO}&to=${TODAY}`;

describe('attribution page', () => {
  it('renders for a channel manager, with the rules, the direct bucket and the navigation', async () => {
    const cookie = await signIn('channel@chasm.test');
    const response = await fetch(`${baseUrl()}/analytics/attribution?${RANGE}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<h1[^>]*>Attribution<\/h1>/);
    expect(html).toContain('none (direct)');
    expect(html).toContain('90 days before');
    expect(html).toMatch(/href="\/analytics\/attribution\?[^"]*"[^>]*aria-current="page"/);
    expect(html).toContain('/analytics/export/attribution.csv?');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('undefined');
  });

  it('shows the empty state for a period without leads or deals', async () => {
    const cookie = await signIn('channel@chasm.test');
    const html = await (
      await fetch(`${baseUrl()}/analytics/attribution?from=2020-01-01&to=2020-01-31`, {
        headers: { cookie },
      })
    ).text();
    expect(html).toContain('No leads or registered deals in this period.');
  });

  it.each([
    ['ana@northwind.test', 403],
    ['raj@northwind.test', 403],
    ['exec@chasm.test', 200],
    ['admin@chasm.test', 200],
  ])('as %s → %i', async (email, status) => {
    const cookie = await signIn(email);
    const response = await fetch(`${baseUrl()}/analytics/attribution`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(status);
  });

  it('sends a visitor to sign in, and refuses the CSV to a partner and a visitor', async () => {
    const page = await fetch(`${baseUrl()}/analytics/attribution`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/login?next=');
    const raj = await signIn('raj@northwind.test');
    const csv = `${baseUrl()}/analytics/export/attribution.csv?table=motion`;
    expect((await fetch(csv, { headers: { cookie: raj } })).status).toBe(403);
    expect((await fetch(csv)).status).toBe(401);
  });
});

describe('attribution CSV', () => {
  const TOUCH_HEADER = (first: string) => [
    first,
    'Leads, first touch',
    'Leads, last touch',
    'Registered deals, first touch',
    'Registered deals, last touch',
    'Won deals, first touch',
    'Won deals, last touch',
    'Won value, first touch',
    'Won value, last touch',
  ];

  it.each([
    [
      'motion',
      ['Motion', 'Leads', 'Registered deals', 'Won deals', 'Won value', 'No touch (direct)'],
    ],
    ['persona', TOUCH_HEADER('Persona')],
    ['variant', TOUCH_HEADER('Personalised or holdout')],
    ['source', TOUCH_HEADER('UTM source')],
    ['campaign', TOUCH_HEADER('UTM campaign')],
    ['partner', TOUCH_HEADER('Partner referral')],
    ['won', ['Dimension', 'Value', 'Model', 'Currency', 'Won value (cents)']],
  ])('%s parses with a strict parser', async (table, header) => {
    const cookie = await signIn('exec@chasm.test');
    const response = await fetch(
      `${baseUrl()}/analytics/export/attribution.csv?${RANGE}&table=${table}`,
      { headers: { cookie } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      `chasm-attribution-${table}-${NINETY_DAYS_AGO}-${TODAY}.csv`,
    );
    const records = parseCsv(await response.text());
    expect(records[0]).toEqual(header);
    for (const row of records.slice(1)) {
      // Counts are whole numbers; won value columns are text per currency (never one sum).
      header.forEach((label, i) => {
        if (/^(Leads|Registered deals|Won deals|No touch|Won value \(cents\))/.test(label))
          expect(row[i]).toMatch(/^\d+$/);
      });
    }
  });

  it('lists the three motions, and the totals agree across models', async () => {
    const cookie = await signIn('exec@chasm.test');
    const get = async (table: string) =>
      parseCsv(
        await (
          await fetch(`${baseUrl()}/analytics/export/attribution.csv?${RANGE}&table=${table}`, {
            headers: { cookie },
          })
        ).text(),
      );
    const motion = await get('motion');
    expect(motion.slice(1).map((r) => r[0])).toEqual([
      'Self-serve personalised site',
      'Partner-sourced',
      'Solution template',
    ]);
    const leads = motion.slice(1).reduce((a, r) => a + Number(r[1]), 0);
    const deals = motion.slice(1).reduce((a, r) => a + Number(r[2]), 0);
    for (const table of ['persona', 'variant', 'source', 'campaign', 'partner']) {
      const rows = (await get(table)).slice(1);
      for (const column of [1, 2])
        expect(rows.reduce((a, r) => a + Number(r[column]), 0)).toBe(leads);
      for (const column of [3, 4])
        expect(rows.reduce((a, r) => a + Number(r[column]), 0)).toBe(deals);
    }
  });

  it('names its tables when asked for an unknown one', async () => {
    const cookie = await signIn('exec@chasm.test');
    const response = await fetch(`${baseUrl()}/analytics/export/attribution.csv?table=nope`, {
      headers: { cookie },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain(
      'motion, persona, variant, source, campaign, partner, won',
    );
  });
});
