import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { baseUrl, me, postForm, sessionCookie, signIn } from '../../helpers/http';

describe('health', () => {
  it('reports ok and the dialect', async () => {
    const response = await fetch(`${baseUrl()}/api/health`);
    expect(response.status).toBe(200);
    const dialect = inject('serverDatabaseUrl').startsWith('postgres') ? 'postgres' : 'sqlite';
    const body = (await response.json()) as { ok: boolean; db: string; queues: object };
    expect(body).toMatchObject({ ok: true, db: dialect });
    // And each lane's backlog, for alerting on queue lag.
    expect(Object.keys(body.queues).sort()).toEqual([
      'jobs',
      'mail:campaign',
      'mail:transactional',
      'webhooks',
    ]);
  });
});

describe('sign in and out through the HTML form', () => {
  it('a same-origin form post signs in with an HttpOnly, SameSite=Lax cookie and lands on the portal', async () => {
    const response = await postForm('/login', {
      email: 'ana@northwind.test',
      password: 'chasm-demo',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/portal');
    const header = response.headers.getSetCookie().find((c) => c.startsWith('chasm_session='))!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//i);
    const user = await me(sessionCookie(response));
    expect(user.email).toBe('ana@northwind.test');
    expect(user.partner.name).toBe('Northwind Integrators');
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const back = await postForm('/login?next=%2Fportal%2Fteam', {
      email: 'raj@northwind.test',
      password: 'chasm-demo',
      next: '/portal/team',
    });
    expect(back.headers.get('location')).toBe('/portal/team');
    const away = await postForm('/login', {
      email: 'raj@northwind.test',
      password: 'chasm-demo',
      next: '//evil.test/x',
    });
    expect(away.headers.get('location')).toBe('/portal');
  });

  it('a wrong password re-renders the form with 401, a message and the e-mail kept', async () => {
    const response = await postForm('/login', {
      email: 'ana@northwind.test',
      password: 'wrong-password',
    });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('That e-mail and password do not match an account.');
    expect(html).toContain('value="ana@northwind.test"');
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('a malformed login gets 400 with field messages, not a 500', async () => {
    const response = await postForm('/login', { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter an e-mail address like name@company.com.');
    expect(html).toContain('Password is required.');
  });

  it('a field over 10 KB gets 400 and says which field', async () => {
    const response = await postForm('/login', {
      email: 'ana@northwind.test',
      password: 'x'.repeat(10_001),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('too long (over 10 KB)');
  });

  it('POST /logout ends the session', async () => {
    const cookie = await signIn('exec@chasm.test');
    expect((await me(cookie)).role).toBe('executive');
    const out = await postForm('/logout', {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login?notice=signed-out');
    expect(await me(cookie)).toBeNull();
  });

  it('locks an account after 10 failures with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await postForm('/login', { email: 'lee@bluepeak.test', password: `bad-${i}` })).status,
      ).toBe(401);
    }
    const locked = await postForm('/login', { email: 'lee@bluepeak.test', password: 'chasm-demo' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.text()).toContain('Too many failed sign-in attempts');
  });
});

describe('role guards on pages', () => {
  it.each([
    ['/admin', 'ana@northwind.test', 403],
    ['/admin', 'admin@chasm.test', 200],
    ['/admin/outbox', 'channel@chasm.test', 403],
    ['/portal', 'exec@chasm.test', 403],
    ['/portal', 'raj@northwind.test', 200],
    ['/portal/team', 'channel@chasm.test', 403],
  ])('%s as %s → %i', async (path, email, status) => {
    const cookie = await signIn(email);
    const response = await fetch(`${baseUrl()}${path}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(status);
  });

  it('sends a visitor to sign in and back', async () => {
    const response = await fetch(`${baseUrl()}/portal/team`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fportal%2Fteam');
  });
});
