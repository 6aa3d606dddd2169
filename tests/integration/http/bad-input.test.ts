import { describe, expect, it } from 'vitest';
import { baseUrl, postForm, signIn } from '../../helpers/http';

describe('cross-site requests', () => {
  it('refuses a cross-origin form post with 403', async () => {
    const response = await postForm(
      '/login',
      { email: 'ana@northwind.test', password: 'chasm-demo' },
      { origin: 'https://evil.test' },
    );
    expect(response.status).toBe(403);
  });

  it('refuses a cross-origin JSON post with 403, even with a valid session', async () => {
    const cookie = await signIn('ana@northwind.test');
    const response = await fetch(`${baseUrl()}/api/trpc/team.invite`, {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'content-type': 'application/json', cookie },
      body: JSON.stringify({ email: 'victim@example.test', role: 'partner_admin' }),
    });
    expect(response.status).toBe(403);
    // tRPC's own error envelope, so @trpc/client reads it as a TRPCClientError.
    const body = await response.json();
    expect(body.error.data.code).toBe('FORBIDDEN');
    expect(body.error.data.httpStatus).toBe(403);
  });

  it('refuses a request the browser marks cross-site even without Origin', async () => {
    const response = await fetch(`${baseUrl()}/api/trpc/team.invite`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('accepts the same JSON post from our own origin', async () => {
    const cookie = await signIn('ana@northwind.test');
    const response = await fetch(`${baseUrl()}/api/trpc/team.invite`, {
      method: 'POST',
      headers: { origin: baseUrl(), 'content-type': 'application/json', cookie },
      body: JSON.stringify({ email: `colleague-${Date.now()}@example.test`, role: 'partner_rep' }),
    });
    expect(response.status).toBe(200);
  });
});

describe('bad input', () => {
  it('a malformed tRPC input is a 400 with field paths', async () => {
    const cookie = await signIn('ana@northwind.test');
    const response = await fetch(`${baseUrl()}/api/trpc/team.invite`, {
      method: 'POST',
      headers: { origin: baseUrl(), 'content-type': 'application/json', cookie },
      body: JSON.stringify({ email: 42 }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['email', 'role']);
  });

  it('an unknown page is a 404 page', async () => {
    const response = await fetch(`${baseUrl()}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('We could not find that page');
  });

  it('an unknown API path is a JSON 404', async () => {
    const response = await fetch(`${baseUrl()}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });

  it('a body over 1 MB is refused with 413 before it is read', async () => {
    const response = await fetch(`${baseUrl()}/api/trpc/team.invite`, {
      method: 'POST',
      headers: { origin: baseUrl(), 'content-type': 'application/json' },
      body: 'x'.repeat(1_100_000),
    });
    expect(response.status).toBe(413);
  });

  it('every response carries the security headers', async () => {
    const response = await fetch(`${baseUrl()}/login`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('bodies that cannot be measured first', () => {
  it('refuses a chunked body without Content-Length with 411', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${baseUrl()}/login`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            origin: baseUrl(),
            'content-type': 'application/x-www-form-urlencoded',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('email=a%40b.test&password=');
      req.end('x');
    });
    expect(status).toBe(411);
  });

  it('caps tRPC batches at 10 calls', async () => {
    const paths = Array.from({ length: 11 }, () => 'auth.me').join(',');
    const response = await fetch(
      `${baseUrl()}/api/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`,
    );
    expect(response.status).toBe(400);
  });
});
