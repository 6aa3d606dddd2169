import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isInHoldout } from '../../../src/lib/personas/holdout';
import { createDatabase, type Db } from '../../../src/server/db';
import { baseUrl, BROWSER_UA as BROWSER, signIn } from '../../helpers/http';

/**
 * `/` for visitors without a session is answered by the edge from its render cache; a request
 * with a session cookie always goes to Astro. A stale session cookie is therefore a way to get
 * the rendered path on demand, and these tests compare the two paths field by field.
 */
const STALE_SESSION = 'chasm_session=not-a-real-session-token';

let db: Db;
beforeAll(() => {
  db = createDatabase(inject('serverDatabaseUrl'));
});
afterAll(() => db.destroy());

interface Visit {
  status: number;
  headers: Headers;
  body: string;
  cookies: Map<string, string>;
}

async function visit(
  path: string,
  options: {
    rendered: boolean;
    cookie?: string;
    userAgent?: string;
    headers?: Record<string, string>;
  },
): Promise<Visit> {
  const cookie = [options.rendered ? STALE_SESSION : null, options.cookie ?? null]
    .filter(Boolean)
    .join('; ');
  const response = await fetch(`${baseUrl()}${path}`, {
    redirect: 'manual',
    headers: {
      'user-agent': options.userAgent ?? BROWSER,
      ...(cookie ? { cookie } : {}),
      ...options.headers,
    },
  });
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const name = line.slice(0, line.indexOf('='));
    if (name !== 'chasm_session') cookies.set(name, line);
  }
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    cookies,
  };
}

const valueOf = (line: string | undefined) => line?.split(';')[0]?.split('=')[1];
/** A Set-Cookie line without its value: name and attributes, which both paths must agree on. */
const shapeOf = (line: string) =>
  line
    .replace(/^([^=]+)=[^;]*/, '$1')
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .sort()
    .join('; ');

const COLUMNS = [
  'type',
  'user_id',
  'persona',
  'variant',
  'persona_source',
  'path',
  'referrer_host',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'partner_ref',
  'properties',
] as const;

/** The visitor's events once the page-view buffer has flushed (it writes every 250 ms). */
async function eventsOf(where: { visitorId?: string; utmContent?: string }, expected: number) {
  let rows: Record<(typeof COLUMNS)[number], unknown>[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    let query = db.selectFrom('events').select(COLUMNS);
    if (where.visitorId) query = query.where('visitor_id', '=', where.visitorId);
    if (where.utmContent) query = query.where('utm_content', '=', where.utmContent);
    rows = await query.orderBy('type').execute();
    if (rows.length >= expected && expected > 0) break;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return rows.map((row): Record<string, unknown> => ({
    ...row,
    properties: typeof row.properties === 'string' ? JSON.parse(row.properties) : row.properties,
  }));
}

/** A visitor id the holdout does (or does not) take, for persona-site at the default 5%. */
function visitorIdIn(holdout: boolean, salt: string): string {
  for (let n = 0; ; n++) {
    // Visitor ids are 22 base64url characters (128 bits), like the ones the server makes.
    const candidate = `${salt}${String(n)}`.padEnd(22, 'x');
    if (isInHoldout(candidate, 'persona-site', 5) === holdout) return candidate;
  }
}

describe('personalised / from the edge cache does what the rendered path does', () => {
  it('a new visitor from an ad: same HTML, same cookies, same exposure and page view', async () => {
    const path =
      '/?utm_audience=developers&utm_source=ads&utm_content=edge-parity&ref=northwind-q4';
    // A new visitor lands in the holdout 1 time in 20: fill the cache for both variants first,
    // so the second request is a cache hit whichever variant its new id draws.
    const held = await visit(path, {
      rendered: false,
      cookie: `chasm_vid=${visitorIdIn(true, 'parity')}`,
    });
    const shown = await visit(path, {
      rendered: false,
      cookie: `chasm_vid=${visitorIdIn(false, 'parity')}`,
    });
    expect(shown.body).not.toBe(held.body);
    const rendered = await visit(path, { rendered: true });
    const cached = await visit(path, { rendered: false });
    for (const response of [rendered, cached]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('vary')?.toLowerCase()).toContain('cookie');
    }
    // The edge answered the second one itself: a length, not Astro's chunked stream.
    expect(cached.headers.get('content-length')).not.toBeNull();
    expect([...cached.cookies.keys()].sort()).toEqual(['chasm_persona', 'chasm_ref', 'chasm_vid']);
    expect([...cached.cookies.values()].map(shapeOf).sort()).toEqual(
      [...rendered.cookies.values()].map(shapeOf).sort(),
    );
    expect(valueOf(cached.cookies.get('chasm_ref'))).toBe('northwind-q4');
    const renderedId = valueOf(rendered.cookies.get('chasm_vid'))!;
    const cachedId = valueOf(cached.cookies.get('chasm_vid'))!;
    expect(cachedId).not.toBe(renderedId);
    const renderedEvents = await eventsOf({ visitorId: renderedId }, 2);
    const cachedEvents = await eventsOf({ visitorId: cachedId }, 2);
    expect(cachedEvents.map((e) => e.type)).toEqual(['experience_viewed', 'page_view']);
    // Each id drew its own variant; everything else about the two visits is the same.
    const variant = (events: Record<string, unknown>[]) => events[0]!.variant;
    const withoutVariant = (events: Record<string, unknown>[]) =>
      events.map((e) => ({
        ...e,
        variant: null,
        persona: e.type === 'page_view' ? null : e.persona,
      }));
    expect(withoutVariant(cachedEvents)).toEqual(withoutVariant(renderedEvents));
    if (variant(cachedEvents) === variant(renderedEvents))
      expect(cachedEvents).toEqual(renderedEvents);
    const pageFor = (events: Record<string, unknown>[]) =>
      variant(events) === 'holdout' ? held.body : shown.body;
    expect(rendered.body).toBe(pageFor(renderedEvents));
    expect(cached.body).toBe(pageFor(cachedEvents));
    expect(cachedEvents[0]).toMatchObject({
      persona: 'developers',
      path: '/',
      utm_source: 'ads',
      partner_ref: 'northwind-q4',
    });
  });

  it('a returning visitor in the holdout gets the generic page and a holdout exposure on both paths', async () => {
    // Two visitors, each in the holdout, so each path has its own event log.
    const id = visitorIdIn(true, 'rendered');
    const other = visitorIdIn(true, 'cached');
    const path = '/?utm_audience=it-operations';
    const rendered = await visit(path, { rendered: true, cookie: `chasm_vid=${id}` });
    const cached = await visit(path, { rendered: false, cookie: `chasm_vid=${other}` });
    expect(cached.body).toBe(rendered.body);
    expect(cached.cookies.has('chasm_vid')).toBe(false);
    const renderedEvents = await eventsOf({ visitorId: id }, 2);
    const cachedEvents = await eventsOf({ visitorId: other }, 2);
    expect(renderedEvents.find((e) => e.type === 'experience_viewed')?.variant).toBe('holdout');
    expect(cachedEvents).toEqual(renderedEvents);
  });

  it('a crawler gets the page on both paths and nothing else: no cookie, no event', async () => {
    const path = '/?utm_audience=developers&utm_content=edge-bot-check&ref=northwind-q4';
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    const rendered = await visit(path, { rendered: true, userAgent: googlebot });
    const cached = await visit(path, { rendered: false, userAgent: googlebot });
    for (const response of [rendered, cached]) {
      expect(response.status).toBe(200);
      expect(response.cookies.size).toBe(0);
      expect(response.body).toContain('developer');
    }
    await new Promise((wait) => setTimeout(wait, 600));
    expect(await eventsOf({ utmContent: 'edge-bot-check' }, 0)).toEqual([]);
  });

  it('HEAD from the cache sends the headers and no body, and records nothing', async () => {
    await visit('/?utm_audience=executives', { rendered: true });
    const response = await fetch(`${baseUrl()}/?utm_audience=executives&utm_content=edge-head`, {
      method: 'HEAD',
      headers: { 'user-agent': BROWSER },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await new Promise((wait) => setTimeout(wait, 600));
    expect(await eventsOf({ utmContent: 'edge-head' }, 0)).toEqual([]);
  });
});

describe('server-rendered page views carry the time of the request', () => {
  it('a page view is stamped when it was asked for, not when the buffer wrote it', async () => {
    const before = new Date().toISOString();
    const response = await visit('/for/unknown-page-for-time?utm_content=pv-time', {
      rendered: false,
    });
    await visit('/start/developers?utm_content=pv-time', { rendered: false });
    const answered = new Date().toISOString();
    expect(response.status).toBe(404);
    let rows: { occurred_at: string; received_at: string }[] = [];
    for (let attempt = 0; attempt < 40 && rows.length === 0; attempt++) {
      rows = await db
        .selectFrom('events')
        .select(['occurred_at', 'received_at'])
        .where('utm_content', '=', 'pv-time')
        .where('type', '=', 'page_view')
        .execute();
      if (rows.length === 0) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(rows).toHaveLength(1);
    // The buffer writes up to 250 ms after the answer; the event's time is before the answer.
    expect(rows[0]!.occurred_at >= before).toBe(true);
    expect(rows[0]!.occurred_at <= answered).toBe(true);
    expect(rows[0]!.received_at >= rows[0]!.occurred_at).toBe(true);
  });
});

describe('signed-in visitors see their own header on persona and solution pages', () => {
  const PAGES = ['/for/contact-center/', '/solutions', '/solutions/speed-to-lead'];
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn('channel@chasm.test');
  });

  it.each(PAGES)(
    '%s: the channel manager sees their role and Sign out, not Sign in',
    async (path) => {
      const response = await fetch(`${baseUrl()}${path}`, {
        headers: { cookie, 'user-agent': BROWSER },
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Sign out');
      expect(html).toContain('Channel manager');
      expect(html).not.toMatch(/>\s*Sign in\s*</);
      expect(response.headers.get('cache-control') ?? '').not.toContain('public');
    },
  );

  it.each(PAGES)(
    '%s: anonymous visitors keep the prerendered page, with no framework JavaScript',
    async (path) => {
      const response = await fetch(`${baseUrl()}${path}`, { headers: { 'user-agent': BROWSER } });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).not.toBeNull();
      expect(response.headers.get('vary')).toMatch(/cookie/i);
      const html = await response.text();
      expect(html).toMatch(/>\s*Sign in\s*</);
      expect(html).not.toContain('type="module"');
      expect(html).not.toContain('<astro-island');
    },
  );

  it('the signed-in render records its page view under the public path', async () => {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'channel@chasm.test')
      .executeTakeFirstOrThrow();
    await fetch(`${baseUrl()}/for/executives/?utm_content=signed-in-twin`, {
      headers: { cookie, 'user-agent': BROWSER },
    });
    let rows: { path: string | null }[] = [];
    for (let attempt = 0; attempt < 40 && rows.length === 0; attempt++) {
      rows = await db
        .selectFrom('events')
        .select('path')
        .where('user_id', '=', user.id)
        .where('type', '=', 'page_view')
        .where('utm_content', '=', 'signed-in-twin')
        .execute();
      if (rows.length === 0) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(rows.map((r) => r.path)).toEqual(['/for/executives/']);
  });

  it('the twin URL without a session sends the visitor to the public page', async () => {
    const response = await fetch(`${baseUrl()}/signed-in/for/executives/`, {
      redirect: 'manual',
      headers: { 'user-agent': BROWSER },
    });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe('/for/executives/');
  });
});
