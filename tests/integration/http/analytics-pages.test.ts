import { describe, expect, it } from 'vitest';
import { baseUrl, signIn } from '../../helpers/http';

const VIEWS = [
  '/analytics',
  '/analytics/funnels',
  '/analytics/lift',
  '/analytics/personas',
  '/analytics/roi',
  '/analytics/speed-to-lead',
  '/analytics/pipeline',
];

describe('analytics dashboards', () => {
  it.each(VIEWS)(
    '%s opens for an executive, with a chart and its table alternative',
    async (path) => {
      const cookie = await signIn('exec@chasm.test');
      const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<svg');
      expect(html).toContain('Show the data as a table');
      expect(html).not.toContain('NaN');
    },
  );

  it.each([
    ['ana@northwind.test', 403],
    ['raj@northwind.test', 403],
    ['channel@chasm.test', 200],
    ['admin@chasm.test', 200],
  ])('overview as %s → %i', async (email, status) => {
    const cookie = await signIn(email);
    expect(
      (await fetch(`${baseUrl()}/analytics`, { headers: { cookie }, redirect: 'manual' })).status,
    ).toBe(status);
  });

  it('exports a table as CSV with the filter applied', async () => {
    const cookie = await signIn('channel@chasm.test');
    const response = await fetch(
      `${baseUrl()}/analytics/export/overview.csv?from=2026-01-01&to=2026-01-03&table=daily`,
      { headers: { cookie } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      'chasm-overview-daily-2026-01-01-2026-01-03.csv',
    );
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Day,Unique visitors,Visits,Page views');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
  });

  it('refuses the CSV to a partner and to a visitor', async () => {
    // (lee@bluepeak.test is locked out by the rate-limit test in auth-flow.test.ts.)
    const cookie = await signIn('raj@northwind.test');
    expect(
      (await fetch(`${baseUrl()}/analytics/export/lift.csv`, { headers: { cookie } })).status,
    ).toBe(403);
    expect((await fetch(`${baseUrl()}/analytics/export/lift.csv`)).status).toBe(401);
  });

  it('explains a bad filter instead of failing', async () => {
    const cookie = await signIn('exec@chasm.test');
    const page = await fetch(`${baseUrl()}/analytics?from=2026-13-45&to=2026-01-01`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Showing the last 30 days instead.');
    const csv = await fetch(
      `${baseUrl()}/analytics/export/overview.csv?from=2026-05-01&to=2026-01-01`,
      { headers: { cookie } },
    );
    expect(csv.status).toBe(400);
    expect((await csv.json()).error.issues[0].message).toContain('start date');
  });
});

describe('every analytics view exports its tables', () => {
  it.each([
    ['overview', 'daily'],
    ['funnels', 'steps'],
    ['lift', 'lift'],
    ['personas', 'matrix'],
    ['roi', 'models'],
    ['speed', 'owners'],
    ['pipeline', 'partners'],
  ])('%s.csv?table=%s', async (view, table) => {
    const cookie = await signIn('exec@chasm.test');
    const response = await fetch(`${baseUrl()}/analytics/export/${view}.csv?table=${table}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect((await response.text()).split('\r\n')[0]!.length).toBeGreaterThan(3);
  });
});

describe('partner referral page', () => {
  it('shows a partner its own referral links, and is not for internal roles', async () => {
    const ana = await signIn('ana@northwind.test');
    const page = await fetch(`${baseUrl()}/portal/referrals`, { headers: { cookie: ana } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('?ref=northwind');
    expect(html).not.toContain('ref=bluepeak');
    const channel = await signIn('channel@chasm.test');
    expect(
      (
        await fetch(`${baseUrl()}/portal/referrals`, {
          headers: { cookie: channel },
          redirect: 'manual',
        })
      ).status,
    ).toBe(403);
  });
});

describe('defining a funnel in the dashboard', () => {
  it('saves a valid funnel and shows it; a bad one comes back with field messages', async () => {
    const cookie = await signIn('channel@chasm.test');
    const post = (fields: Record<string, string>) =>
      fetch(`${baseUrl()}/analytics/funnels`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: baseUrl(), cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const bad = await post({
      action: 'save',
      name: 'x',
      windowDays: '200',
      stepType0: 'page_view',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('At most 90 days.');
    expect(html).toContain('A funnel needs at least two steps.');
    expect(html).toContain('value="x"');

    const ok = await post({
      action: 'save',
      name: 'Solutions to start',
      windowDays: '3',
      stepType0: 'page_view',
      stepPath0: '/solutions*',
      stepType1: 'flow_started',
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/funnel=ui-/);
    const page = await fetch(`${baseUrl()}${location}`, { headers: { cookie } });
    expect(await page.text()).toContain('Solutions to start');
  });
});
