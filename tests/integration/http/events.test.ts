import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

afterAll(async () => {
  await serverDb().destroy();
});

async function send(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl()}/api/events`, {
    method: 'POST',
    headers: {
      origin: baseUrl(),
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': BROWSER,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function countEvents(where: { path?: string; type?: string } = {}) {
  let q = serverDb()
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.path) q = q.where('path', '=', where.path);
  if (where.type) q = q.where('type', '=', where.type);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

const pageView = (path: string, extra: Record<string, unknown> = {}) => ({
  type: 'page_view',
  url: path,
  ...extra,
});

describe('POST /api/events', () => {
  it('stores a batch, keeps UTM fields and referral code, drops the query from the path, and sets the visitor cookie', async () => {
    const response = await send({
      events: [
        pageView('/for/developers?utm_source=newsletter&utm_campaign=q4&ref=NW42', {
          referrer: 'https://news.example.com/item/1',
        }),
        { type: 'cta_clicked', url: '/for/developers', props: { cta: 'start-building' } },
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0 });
    expect(
      response.headers
        .getSetCookie()
        .some((c) => /^chasm_vid=[A-Za-z0-9_-]{22};.*HttpOnly/i.test(c)),
    ).toBe(true);
    const row = await serverDb()
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'page_view')
      .where('utm_campaign', '=', 'q4')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      path: '/for/developers',
      persona: 'developers',
      utm_source: 'newsletter',
      partner_ref: 'NW42',
      referrer_host: 'news.example.com',
    });
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1/);
  });

  it('refuses a bad batch with a reason per event and stores none of it', async () => {
    const before = await countEvents({ path: '/bad-batch' });
    const response = await send({
      events: [
        pageView('/bad-batch'),
        { type: 'lead_created', url: '/bad-batch' },
        { type: 'page_view', url: 'https://elsewhere.test/x' },
        pageView('/bad-batch', { at: Date.now() + 3_600_000 }),
        { type: 'cta_clicked', url: '/bad-batch', props: {} },
      ],
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toContain('nothing was stored');
    const paths = body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'events.1.type',
        'events.2.url',
        'events.3.at',
        'events.4.props.cta',
      ]),
    );
    expect(
      body.error.issues.find((i: { path: string }) => i.path === 'events.1.type').message,
    ).toMatch(/Unknown event type/);
    expect(
      body.error.issues.find((i: { path: string }) => i.path === 'events.3.at').message,
    ).toMatch(/future/);
    expect(await countEvents({ path: '/bad-batch' })).toBe(before);
  });

  it.each([
    ['not JSON', '{"events": [', 400],
    ['an empty batch', { events: [] }, 400],
    ['101 events', { events: Array.from({ length: 101 }, () => pageView('/too-many')) }, 400],
    ['an unknown top-level field', { events: [pageView('/x')], extra: 1 }, 400],
    ['a page address that is not a path here', { events: [pageView('//[')] }, 400],
  ])('refuses %s', async (_label, body, status) => {
    expect((await send(body)).status).toBe(status);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const big = { events: [pageView('/big', { props: { title: 'x'.repeat(70_000) } })] };
    expect((await send(big)).status).toBe(413);
  });

  it('drops bots without storing', async () => {
    const before = await countEvents({ path: '/bot-visit' });
    const response = await send(
      { events: [pageView('/bot-visit')] },
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' },
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ stored: 0, duplicates: 0, ignored: 'bot' });
    expect(await countEvents({ path: '/bot-visit' })).toBe(before);
  });

  it.each([['dnt'], ['sec-gpc']])(
    'with %s: 1 sets no cookie and counts a daily hash instead',
    async (header) => {
      const response = await send({ events: [pageView(`/private-${header}`)] }, { [header]: '1' });
      expect(response.status).toBe(202);
      expect(response.headers.getSetCookie().some((c) => c.startsWith('chasm_vid='))).toBe(false);
      const row = await serverDb()
        .selectFrom('events')
        .select('visitor_id')
        .where('path', '=', `/private-${header}`)
        .executeTakeFirstOrThrow();
      expect(row.visitor_id).toMatch(/^h_[0-9a-f]{32}$/);
    },
  );

  it('loses nothing under concurrent batches', async () => {
    const before = await countEvents({ path: '/concurrent' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(
          { events: Array.from({ length: 50 }, () => pageView('/concurrent')) },
          { 'x-forwarded-for': `198.51.100.${i + 1}` },
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(await countEvents({ path: '/concurrent' })).toBe(before + 1000);
  });

  it('answers a flood from one client with 429 and Retry-After, even when it changes its user agent, while another client still gets through', async () => {
    const flooder = { 'x-forwarded-for': '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++)
      statuses.push((await send({ events: [pageView('/flood')] }, flooder)).status);
    expect(statuses).toContain(429);
    const limited = await send(
      { events: [pageView('/flood')] },
      { ...flooder, 'user-agent': `${BROWSER} disguised` },
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Only the last X-Forwarded-For entry (our proxy's) counts; a forged first entry changes nothing.
    const forged = await send(
      { events: [pageView('/flood')] },
      { 'x-forwarded-for': '192.0.2.1, 203.0.113.9' },
    );
    expect(forged.status).toBe(429);
    expect(
      (await send({ events: [pageView('/flood')] }, { 'x-forwarded-for': '203.0.113.10' })).status,
    ).toBe(202);
  });

  it('refuses a cross-site beacon', async () => {
    expect((await send({ events: [pageView('/x')] }, { origin: 'https://evil.test' })).status).toBe(
      403,
    );
  });
});

describe('server-rendered page views', () => {
  async function viewsOf(path: string) {
    return serverDb()
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'page_view')
      .where('path', '=', path)
      .execute();
  }
  async function eventually<T>(check: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    let value = await check();
    for (let i = 0; i < 40 && !ok(value); i++) {
      await new Promise((r) => setTimeout(r, 100));
      value = await check();
    }
    return value;
  }

  it('records a page view for a person, with UTM fields, and none for a bot', async () => {
    await fetch(`${baseUrl()}/forgot-password?utm_source=mail&ref=BP7`, {
      headers: { 'user-agent': BROWSER, referer: 'https://search.example.org/q' },
    });
    await fetch(`${baseUrl()}/forgot-password?utm_source=botmail`, {
      headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    const views = await eventually(
      () => viewsOf('/forgot-password'),
      (v) => v.length >= 1,
    );
    expect(views.filter((v) => v.utm_source === 'mail')).toHaveLength(1);
    expect(views[0]).toMatchObject({ partner_ref: 'BP7', referrer_host: 'search.example.org' });
    await new Promise((r) => setTimeout(r, 400));
    expect(
      (await viewsOf('/forgot-password')).filter((v) => v.utm_source === 'botmail'),
    ).toHaveLength(0);
  });
});

describe('event ids: a batch re-sent after a lost answer is stored once', () => {
  const id = (n: number) => `evt${Date.now().toString(36)}${String(n).padStart(6, '0')}`;
  const countPath = (path: string) => countEvents({ path });

  it('the same batch twice: the second answer says duplicates and stores nothing', async () => {
    const batch = {
      events: [
        pageView('/for/developers/ids-a', { id: id(1) }),
        pageView('/for/developers/ids-a', { id: id(2) }),
      ],
    };
    const first = await send(batch);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ stored: 2, duplicates: 0 });
    const again = await send(batch);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 2 });
    expect(await countPath('/for/developers/ids-a')).toBe(2);
  });

  it('a batch with one known and one new event stores the new one', async () => {
    const known = id(3);
    await send({ events: [pageView('/for/developers/ids-b', { id: known })] });
    const mixed = await send({
      events: [
        pageView('/for/developers/ids-b', { id: known }),
        pageView('/for/developers/ids-b', { id: id(4) }),
      ],
    });
    expect(await mixed.json()).toEqual({ stored: 1, duplicates: 1 });
    expect(await countPath('/for/developers/ids-b')).toBe(2);
  });

  it('an id repeated inside one batch counts once', async () => {
    const twice = id(5);
    const response = await send({
      events: [
        pageView('/for/developers/ids-c', { id: twice }),
        pageView('/for/developers/ids-c', { id: twice }),
      ],
    });
    expect(await response.json()).toEqual({ stored: 1, duplicates: 1 });
    expect(await countPath('/for/developers/ids-c')).toBe(1);
  });

  it('events without ids are stored as before', async () => {
    const batch = { events: [pageView('/for/developers/ids-d')] };
    await send(batch);
    await send(batch);
    expect(await countPath('/for/developers/ids-d')).toBe(2);
  });

  it.each([
    ['too short', 'abc'],
    ['a space', 'has a space in it 123'],
    ['too long', 'x'.repeat(65)],
  ])('an id that is %s refuses the batch with its reason', async (_, bad) => {
    const response = await send({ events: [pageView('/for/developers/ids-e', { id: bad })] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { issues: { path: string; message: string }[] };
    };
    expect(body.error.issues).toEqual([
      { path: 'events.0.id', message: 'An event id is 16 to 64 letters, digits, "-" or "_".' },
    ]);
    expect(await countPath('/for/developers/ids-e')).toBe(0);
  });
});
