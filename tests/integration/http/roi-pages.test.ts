import { describe, expect, it } from 'vitest';
import { baseUrl, postForm, signIn } from '../../helpers/http';

const page = (path: string, cookie?: string) =>
  fetch(`${baseUrl()}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

async function trpcPost(path: string, input: unknown, cookie: string) {
  const response = await fetch(`${baseUrl()}/api/trpc/${path}`, {
    method: 'POST',
    headers: { origin: baseUrl(), 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('ROI pages', () => {
  it.each(['/roi', '/roi/attrition', '/roi/speed-to-lead', '/roi/market-sizing'])(
    '%s opens signed out',
    async (path) => {
      const response = await page(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).not.toContain('NaN');
    },
  );

  it('an unknown model is a 404', async () => {
    expect((await page('/roi/horoscope')).status).toBe(404);
  });

  it('computes on the server from the address (no JavaScript needed)', async () => {
    const html = await (await page('/roi/attrition?form=1&agents=1000')).text();
    expect(html).toContain('value="1000"');
    expect(html).toMatch(/Net present value/);
    const bad = await (
      await page('/roi/attrition?form=1&agents=abc&currentAttritionRate=150')
    ).text();
    expect(bad).toContain('Agents must be a number.');
    expect(bad).toContain('Current attrition per year must be at most 100%.');
    expect(bad).not.toContain('NaN');
  });

  it('shows the market headline comparison and flags the IDC figure', async () => {
    const html = await (await page('/roi/market-sizing')).text();
    expect(html).toContain('$53.5B');
    expect(html).toContain('billion and trillion');
    expect(html).toContain('unverified');
  });

  it('sends visitors to sign in for scenarios', async () => {
    const response = await page('/roi/scenarios');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Froi%2Fscenarios');
  });

  it('lists the demo scenarios for the executive', async () => {
    const cookie = await signIn('exec@chasm.test');
    const html = await (await page('/roi/scenarios', cookie)).text();
    expect(html).toContain('Virtual agents, phase 1 (30% of agents)');
    expect(html).toContain('Inbound leads answered in five minutes');
  });
});

describe('saving, sharing and exporting over HTTP', () => {
  it('saves with a plain form post, escapes the name, shares, exports and revokes', async () => {
    const cookie = await signIn('exec@chasm.test');
    const name = `<script>alert(1)</script> ${Date.now()}`;
    const saved = await postForm(
      '/roi/attrition',
      { name, agents: '800', currentAttritionRate: '40' },
      { cookie },
    );
    expect(saved.status).toBe(303);
    const location = saved.headers.get('location')!;
    expect(location).toMatch(/^\/roi\/scenarios\/[0-9A-Z]{26}\?saved=1$/);
    const id = location.split('/')[3]!.split('?')[0]!;

    const html = await (await page(location, cookie)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Only ever as text or inside a quoted attribute, never as an element.
    expect(html).not.toMatch(/(^|[>\s])<script>alert\(1\)/);
    expect(html).toContain('Scenario saved.');

    const csv = await page(`/roi/scenarios/${id}.csv`, cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('section,key,label,year,value,text,unit,source');
    expect(text).toContain('input,agents,Agents,,800,,count,');
    expect(text).toContain('input,currentAttritionRate,Current attrition per year,,40,,%,');
    expect(text).toMatch(/\r\noutput,npv,Net present value,,-?\d/);

    const otherCookie = await signIn('channel@chasm.test');
    expect((await page(`/roi/scenarios/${id}`, otherCookie)).status).toBe(404);
    expect((await page(`/roi/scenarios/${id}.csv`, otherCookie)).status).toBe(404);

    const shared = await postForm(`/roi/scenarios/${id}`, { intent: 'share' }, { cookie });
    expect(shared.status).toBe(303);
    const view = (await (
      await fetch(
        `${baseUrl()}/api/trpc/roi.getScenario?input=${encodeURIComponent(JSON.stringify({ id }))}`,
        { headers: { cookie } },
      )
    ).json()) as any;
    const token = view.result.data.share.token as string;
    const publicPage = await page(`/roi/shared/${token}`);
    expect(publicPage.status).toBe(200);
    const publicHtml = await publicPage.text();
    expect(publicHtml).toContain('Read-only');
    expect(publicHtml).toContain('&lt;script&gt;');
    expect(publicHtml).toContain('noindex');
    expect((await page(`/roi/shared/${token}.csv`)).status).toBe(200);

    const revoked = await postForm(`/roi/scenarios/${id}`, { intent: 'revoke' }, { cookie });
    expect(revoked.status).toBe(303);
    expect((await page(`/roi/shared/${token}`)).status).toBe(404);
    expect((await page(`/roi/shared/${token}.csv`)).status).toBe(404);
  });

  it('keeps the values and shows field errors when a no-JavaScript save is refused', async () => {
    const cookie = await signIn('exec@chasm.test');
    const response = await postForm(
      '/roi/attrition',
      { name: 'Bad', agents: '-4', discountRate: 'ten' },
      { cookie },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Agents must be at least 1.');
    expect(html).toContain('Discount rate must be a number.');
    expect(html).toContain('value="-4"');
  });

  it('refuses bad tRPC input with 400 and field paths, and a cross-site save with 403', async () => {
    const cookie = await signIn('exec@chasm.test');
    const bad = await trpcPost(
      'roi.saveScenario',
      { model: 'attrition', name: 'x', inputs: { agents: 'many', adoptionShare: 1.01 } },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual([
      'inputs.agents',
      'inputs.adoptionShare',
    ]);
    const crossSite = await fetch(`${baseUrl()}/api/trpc/roi.saveScenario`, {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'content-type': 'application/json', cookie },
      body: JSON.stringify({ model: 'attrition', name: 'x' }),
    });
    expect(crossSite.status).toBe(403);
  });
});
