import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/unstable-core-do-not-import';
import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  refusalBody,
  refusalFor,
  type PolicyInput,
  type Refusal,
} from '../../../src/server/http/request-policy';

const OURS = 'https://chasm.test';
const FOREIGN = 'https://evil.test';
const COOKIE_NAME = 'chasm_session';

interface Req {
  method?: string;
  pathname?: string;
  headers?: Record<string, string | undefined>;
}

function input({ method = 'POST', pathname = '/login', headers = {} }: Req): PolicyInput {
  const lower = Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    method,
    pathname,
    header: (name) => lower[name],
    allowedOrigins: [OURS, 'http://chasm.test'],
    sessionCookieName: COOKIE_NAME,
  };
}

const status = (req: Req) => refusalFor(input(req))?.status ?? null;

type Credential = 'cookie' | 'bearer' | 'none';
type OriginCase = 'ours' | 'foreign' | 'null' | 'absent';
type SiteCase = 'same-origin' | 'same-site' | 'cross-site' | 'none' | 'absent';

const CREDENTIALS: Credential[] = ['cookie', 'bearer', 'none'];
const ORIGINS: OriginCase[] = ['ours', 'foreign', 'null', 'absent'];
const SITES: SiteCase[] = ['same-origin', 'same-site', 'cross-site', 'none', 'absent'];
const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain;charset=UTF-8',
  undefined,
];
const PATHS = ['/api/v1/deals', '/api/v1/deals/01ABC/submit', '/api/trpc/team.invite', '/login'];

function headersFor(credential: Credential, origin: OriginCase, site: SiteCase, type?: string) {
  return {
    cookie: credential === 'cookie' ? `chasm_vid=v1; ${COOKIE_NAME}=tok123` : 'chasm_vid=v1',
    authorization: credential === 'bearer' ? 'Bearer chasm_abcd1234_secret' : undefined,
    origin:
      origin === 'ours'
        ? OURS
        : origin === 'foreign'
          ? FOREIGN
          : origin === 'null'
            ? 'null'
            : undefined,
    'sec-fetch-site': site === 'absent' ? undefined : site,
    'content-type': type,
    'content-length': type ? '2' : undefined,
  };
}

/** The rule, written out independently of the implementation. */
function expected(
  method: string,
  pathname: string,
  credential: Credential,
  origin: OriginCase,
  site: SiteCase,
): 403 | null {
  if (method === 'GET') return null;
  if (credential === 'bearer' && pathname.startsWith('/api/v1/')) return null;
  if (credential === 'cookie') {
    // A write with our session must prove it is same-origin.
    if (origin === 'ours') return null;
    if (origin === 'absent' && site === 'same-origin') return null;
    return 403;
  }
  // No session (or a Bearer key outside /api/v1, which the route never reads): refused only
  // when the browser says the request is cross-site.
  if (origin === 'foreign' || origin === 'null') return 403;
  if (origin === 'absent' && (site === 'same-site' || site === 'cross-site')) return 403;
  return null;
}

const matrix = ['GET', 'POST'].flatMap((method) =>
  PATHS.flatMap((pathname) =>
    CREDENTIALS.flatMap((credential) =>
      ORIGINS.flatMap((origin) =>
        SITES.map((site) => ({
          method,
          pathname,
          credential,
          origin,
          site,
          want: expected(method, pathname, credential, origin, site),
        })),
      ),
    ),
  ),
);

describe('refusalFor: cross-origin matrix', () => {
  it('covers every combination, both outcomes', () => {
    expect(matrix.length).toBe(
      2 * PATHS.length * CREDENTIALS.length * ORIGINS.length * SITES.length,
    );
    expect(matrix.some((c) => c.want === 403)).toBe(true);
    expect(matrix.some((c) => c.want === null && c.method === 'POST')).toBe(true);
  });

  it.each(matrix)(
    '$method $pathname credential=$credential origin=$origin sec-fetch-site=$site → $want',
    ({ method, pathname, credential, origin, site, want }) => {
      // The content type never changes the verdict: a form or text/plain post is as able to
      // forge a request as JSON is, and a JSON post is not exempt because it needs a preflight.
      for (const type of CONTENT_TYPES) {
        const refusal = refusalFor(
          input({ method, pathname, headers: headersFor(credential, origin, site, type) }),
        );
        expect(refusal?.status ?? null, `content-type ${type}`).toBe(want);
        if (refusal) expect(refusal.code).toBe('FORBIDDEN');
      }
    },
  );

  it.each([
    ['HEAD', null],
    ['OPTIONS', null],
    ['get', null],
    ['PUT', 403],
    ['PATCH', 403],
    ['DELETE', 403],
    ['post', 403],
  ] as const)('%s with a session and a foreign Origin → %s', (method, want) => {
    expect(
      status({
        method,
        pathname: '/api/trpc/team.invite',
        headers: { cookie: `${COOKIE_NAME}=tok`, origin: FOREIGN },
      }),
    ).toBe(want);
  });

  it.each([
    ['Bearer x', null],
    ['bearer x', null],
    ['BEARER   x', null],
    ['Bearer', 403],
    ['Bearer ', 403],
    ['Basic dXNlcjpwYXNz', 403],
    ['', 403],
  ])('Authorization %j on /api/v1 with a session and a foreign Origin → %s', (auth, want) => {
    expect(
      status({
        pathname: '/api/v1/deals',
        headers: { authorization: auth, cookie: `${COOKIE_NAME}=tok`, origin: FOREIGN },
      }),
    ).toBe(want);
  });

  it('a Bearer key exempts /api/v1 only, not tRPC, pages or a path that merely starts alike', () => {
    const headers = { authorization: 'Bearer k', cookie: `${COOKIE_NAME}=tok`, origin: FOREIGN };
    expect(status({ pathname: '/api/v1/deals', headers })).toBeNull();
    expect(status({ pathname: '/api/v1', headers })).toBe(403);
    expect(status({ pathname: '/api/v10/deals', headers })).toBe(403);
    expect(status({ pathname: '/api/trpc/team.invite', headers })).toBe(403);
    expect(status({ pathname: '/portal/deals/new', headers })).toBe(403);
  });

  it('a body-less POST with a Bearer key and no Origin is not refused', () => {
    expect(
      status({ pathname: '/api/v1/deals/01ABC/submit', headers: { authorization: 'Bearer k' } }),
    ).toBeNull();
  });

  it.each([
    [`${COOKIE_NAME}=tok`, 403],
    [`a=1; ${COOKIE_NAME}=tok; b=2`, 403],
    [`a=1;${COOKIE_NAME}=tok`, 403],
    [`${COOKIE_NAME}=a=b`, 403],
    // An empty or differently named cookie is no session: the cross-site signal decides.
    [`${COOKIE_NAME}=`, null],
    [`x${COOKIE_NAME}=tok`, null],
    [`${COOKIE_NAME}x=tok`, null],
    [`__Host-${COOKIE_NAME}=tok`, null],
  ])('Cookie %j, no Origin, no Sec-Fetch-Site → %s', (cookie, want) => {
    expect(status({ headers: { cookie } })).toBe(want);
  });

  it('an Origin must match exactly (scheme, host and port)', () => {
    const withOrigin = (origin: string) =>
      status({ headers: { cookie: `${COOKIE_NAME}=tok`, origin } });
    expect(withOrigin(OURS)).toBeNull();
    expect(withOrigin('http://chasm.test')).toBeNull();
    for (const near of [
      'https://chasm.test:8443',
      'https://chasm.test.evil.test',
      'https://evilchasm.test',
      'https://sub.chasm.test',
      `${OURS}/`,
      'null',
      '',
    ]) {
      expect(withOrigin(near), near).toBe(403);
    }
  });

  it('an Origin header wins over Sec-Fetch-Site', () => {
    const cookie = `${COOKIE_NAME}=tok`;
    expect(status({ headers: { cookie, origin: FOREIGN, 'sec-fetch-site': 'same-origin' } })).toBe(
      403,
    );
    expect(
      status({ headers: { cookie, origin: OURS, 'sec-fetch-site': 'cross-site' } }),
    ).toBeNull();
  });
});

describe('refusalFor: RFC 8058 one-click unsubscribe', () => {
  const token = 'abcdefghijklmnopqrstuvwxyz0123456789abc';
  it.each([
    ['no Origin, no cookie', {}],
    ['a mail provider marked cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['a foreign Origin', { origin: FOREIGN }],
    ['a foreign Origin with a session cookie', { origin: FOREIGN, cookie: `${COOKIE_NAME}=t` }],
  ])('POST /unsubscribe/<token> with %s is not refused', (_label, extra) => {
    expect(
      status({
        pathname: `/unsubscribe/${token}`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': '26',
          ...extra,
        },
      }),
    ).toBeNull();
  });

  it('only POST is exempt, and only under /unsubscribe/', () => {
    const headers = { origin: FOREIGN };
    expect(status({ method: 'PUT', pathname: `/unsubscribe/${token}`, headers })).toBe(403);
    expect(status({ method: 'DELETE', pathname: `/unsubscribe/${token}`, headers })).toBe(403);
    expect(status({ pathname: '/unsubscribe', headers })).toBe(403);
    expect(status({ pathname: '/unsubscribed/x', headers })).toBe(403);
  });

  it('body limits still apply to the exempt routes', () => {
    expect(
      status({
        pathname: `/unsubscribe/${token}`,
        headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
      }),
    ).toBe(413);
    expect(
      status({
        pathname: '/api/v1/deals',
        headers: { authorization: 'Bearer k', 'transfer-encoding': 'chunked' },
      }),
    ).toBe(411);
  });
});

describe('refusalFor: body limits', () => {
  it.each([
    // [method, headers, expected]
    ['POST', { 'transfer-encoding': 'chunked' }, 411],
    ['PUT', { 'transfer-encoding': 'gzip, chunked' }, 411],
    ['GET', { 'transfer-encoding': 'chunked' }, 411],
    ['POST', { 'transfer-encoding': 'chunked', 'content-length': '10' }, null],
    ['POST', { 'content-length': String(MAX_BODY_BYTES + 1) }, 413],
    ['POST', { 'content-length': '999999999999' }, 413],
    ['GET', { 'content-length': String(MAX_BODY_BYTES * 5) }, 413],
    ['POST', { 'content-length': String(MAX_BODY_BYTES) }, null],
    ['POST', { 'content-length': '0' }, null],
    ['POST', {}, null],
  ] as const)('%s %j → %s', (method, headers, want) => {
    const refusal = refusalFor(input({ method, pathname: '/login', headers }));
    expect(refusal?.status ?? null).toBe(want);
    if (want === 411) expect(refusal?.code).toBe('LENGTH_REQUIRED');
    if (want === 413) expect(refusal?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('checks the body before the origin, so an oversized forged post is a 413', () => {
    expect(
      status({
        headers: {
          cookie: `${COOKIE_NAME}=tok`,
          origin: FOREIGN,
          'content-length': String(MAX_BODY_BYTES + 1),
        },
      }),
    ).toBe(413);
  });

  it('MAX_BODY_BYTES is one megabyte and the message says so', () => {
    expect(MAX_BODY_BYTES).toBe(1_000_000);
    const refusal = refusalFor(input({ headers: { 'content-length': '2000000' } }));
    expect(refusal?.message).toContain('1 MB');
  });
});

describe('refusalBody', () => {
  const forbidden = refusalFor(
    input({ headers: { cookie: `${COOKIE_NAME}=t`, origin: FOREIGN } }),
  ) as Refusal;
  const tooLarge = refusalFor(input({ headers: { 'content-length': '2000000' } })) as Refusal;
  const lengthRequired = refusalFor(
    input({ headers: { 'transfer-encoding': 'chunked' } }),
  ) as Refusal;

  it('a tRPC batch gets an array with one error per procedure, in order', () => {
    const out = refusalBody(
      forbidden,
      '/api/trpc/auth.me,team.invite,deals.list',
      '?batch=1',
      undefined,
    );
    expect(out.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(out.body);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(3);
    expect(body.map((e: any) => e.error.data.path)).toEqual([
      'auth.me',
      'team.invite',
      'deals.list',
    ]);
    for (const entry of body) {
      expect(entry.error).toMatchObject({
        message: forbidden.message,
        code: TRPC_ERROR_CODES_BY_KEY.FORBIDDEN,
        data: { code: 'FORBIDDEN', httpStatus: 403 },
      });
    }
  });

  it('a batch of one is still an array; an encoded comma separates procedures too', () => {
    const one = JSON.parse(
      refusalBody(forbidden, '/api/trpc/auth.me', '?batch=1&input={}', undefined).body,
    );
    expect(one).toHaveLength(1);
    expect(one[0].error.data.path).toBe('auth.me');
    const encoded = JSON.parse(
      refusalBody(forbidden, '/api/trpc/a.b%2Cc.d', '?batch=1', undefined).body,
    );
    expect(encoded.map((e: any) => e.error.data.path)).toEqual(['a.b', 'c.d']);
  });

  it('a single tRPC call gets one error object', () => {
    const body = JSON.parse(refusalBody(forbidden, '/api/trpc/team.invite', '', undefined).body);
    expect(Array.isArray(body)).toBe(false);
    expect(body.error.data).toEqual({ code: 'FORBIDDEN', httpStatus: 403, path: 'team.invite' });
    expect(body.error.code).toBe(TRPC_ERROR_CODES_BY_KEY.FORBIDDEN);
  });

  it('the tRPC envelope carries each refusal’s own status and code', () => {
    for (const refusal of [tooLarge, lengthRequired]) {
      const [entry] = JSON.parse(refusalBody(refusal, '/api/trpc/a', '?batch=1', undefined).body);
      expect(entry.error.data).toMatchObject({ code: refusal.code, httpStatus: refusal.status });
    }
  });

  it('a 413 uses tRPC’s JSON-RPC code for PAYLOAD_TOO_LARGE', () => {
    const body = JSON.parse(refusalBody(tooLarge, '/api/trpc/a', '', undefined).body);
    expect(body.error.code).toBe(TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE);
  });

  it('a malformed percent-encoding in the tRPC path does not throw', () => {
    expect(() => refusalBody(forbidden, '/api/trpc/%E0%A4%A', '?batch=1', undefined)).not.toThrow();
  });

  it.each([
    ['/api/v1/deals', undefined, 'json'],
    ['/api/events', 'text/html', 'json'],
    ['/login', 'application/json', 'json'],
    ['/login', 'text/html,application/xhtml+xml', 'text'],
    ['/login', undefined, 'text'],
    ['/unsubscribe/x', '*/*', 'text'],
  ] as const)('%s with Accept %j → %s', (pathname, accept, kind) => {
    for (const refusal of [forbidden, tooLarge, lengthRequired]) {
      const out = refusalBody(refusal, pathname, '', accept);
      if (kind === 'json') {
        expect(out.contentType).toBe('application/json; charset=utf-8');
        expect(JSON.parse(out.body)).toEqual({
          error: { code: refusal.code, message: refusal.message },
        });
      } else {
        expect(out.contentType).toBe('text/plain; charset=utf-8');
        expect(out.body).toBe(refusal.message);
      }
    }
  });
});
