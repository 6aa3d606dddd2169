import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isInHoldout } from '../../../src/lib/personas/holdout';
import type { AppRouter } from '../../../src/server/api/root';
import { createDatabase, type Db } from '../../../src/server/db';
import { api, newKey } from '../../helpers/api';
import { baseUrl, DEMO_PASSWORD, postForm, sessionCookie, signIn } from '../../helpers/http';
import { dealInput } from '../../helpers/portal';
import { freePort, startBuiltServer, type RunningServer } from '../../helpers/server';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = resolve(ROOT, 'dist/edge/main.mjs');
const FOREIGN = 'https://evil.test';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chasm-edge-'));
  tempDirs.push(dir);
  return dir;
}
const sqliteUrl = () => `file:${join(tempDir(), 'x.sqlite')}`;

let db: Db;
beforeAll(() => {
  db = createDatabase(inject('serverDatabaseUrl'));
});
afterAll(async () => {
  await db.destroy();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request over node:http, with exactly the headers given (Host included) and raw bytes back. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Writes a request byte for byte on a socket (so nothing adds a Content-Length or a
 * Transfer-Encoding) and reads the response until the server closes the connection.
 */
function rawExchange(base: string, lines: string[]): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const [statusLine, ...headerLines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rest = all.subarray(split + 4);
      done({
        status: Number(statusLine!.split(' ')[1]),
        headers,
        body: headers['transfer-encoding'] === 'chunked' ? decodeChunked(rest) : rest,
      });
    });
    socket.write([...lines, 'Connection: close', '', ''].join('\r\n'));
  });
}

/** Runs the built server with this environment and resolves when it exits (or kills it). */
function runUntilExit(
  env: Record<string, string>,
  limitMs = 20_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', ASTRO_NODE_LOGGING: 'disabled', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A safety net so a server that never exits cannot hang the run; the assertion on the exit
    // code then fails (a killed process has code null).
    const guard = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (code) => {
      clearTimeout(guard);
      done({ code, stdout, stderr });
    });
  });
}

function visitorId(salt: string): string {
  for (let i = 0; ; i++) {
    const id = `${salt}${i}`.padEnd(22, 'x').slice(0, 22);
    if (!isInHoldout(id, 'persona-site', 5)) return id;
  }
}

describe('partner API calls with a Bearer key', () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await newKey(db, 'ana@northwind.test', 'edge-test'));
  });

  it('a POST /submit with no body at all and no Origin reaches the API and submits the draft', async () => {
    const created = await api('/deals', key, { method: 'POST', body: dealInput() });
    expect(created.status).toBe(201);
    const deal = await created.json();
    expect(deal.status).toBe('draft');
    const response = await rawExchange(baseUrl(), [
      `POST /api/v1/deals/${deal.id}/submit HTTP/1.1`,
      `Host: ${new URL(baseUrl()).host}`,
      `Authorization: Bearer ${key}`,
    ]);
    expect(response.status).not.toBe(403);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString()).status).toBe('submitted');
  });

  it('the same with Content-Length: 0, as fetch sends it, and with a foreign Origin', async () => {
    const deal = await (await api('/deals', key, { method: 'POST', body: dealInput() })).json();
    const response = await fetch(`${baseUrl()}/api/v1/deals/${deal.id}/submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, origin: FOREIGN },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe('submitted');
  });

  it('a chunked body without Content-Length is a 411 in the REST error shape', async () => {
    const response = await rawExchange(baseUrl(), [
      'POST /api/v1/deals HTTP/1.1',
      `Host: ${new URL(baseUrl()).host}`,
      `Authorization: Bearer ${key}`,
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      '',
      '2',
      '{}',
      '0',
    ]);
    expect(response.status).toBe(411);
    expect(JSON.parse(response.body.toString()).error.code).toBe('LENGTH_REQUIRED');
  });

  it('a body over the limit is a 413 before it is read', async () => {
    const response = await fetch(`${baseUrl()}/api/v1/deals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('RFC 8058 one-click unsubscribe', () => {
  const oneClick = (path: string) =>
    send(`${baseUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it('a mail provider’s POST with a real token and no Origin unsubscribes', async () => {
    const email = `oneclick-${Date.now().toString(36)}@globex.test`;
    const cookie = `chasm_vid=${visitorId('oneclick')}`;
    await postForm(
      '/start/executives',
      {
        step: 'priority',
        priority: 'attrition',
        revenueBand: '1b-10b',
        decisionTimeline: 'this-year',
      },
      { cookie },
    );
    await postForm(
      '/start/executives',
      {
        step: 'contact',
        name: 'Oona Click',
        email,
        title: 'CFO',
        company: 'Globex',
        companyDomain: 'globex.test',
      },
      { cookie },
    );
    const mail = await db
      .selectFrom('outbox')
      .select(['body_text', 'headers'])
      .where('to_address', '=', email)
      .where('category', '=', 'campaign')
      .execute();
    expect(mail.length).toBeGreaterThan(0);
    const headers = JSON.parse(mail[0]!.headers ?? '{}');
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const path = new URL(/^<(.+)>$/.exec(headers['List-Unsubscribe'])![1]!).pathname;
    const response = await oneClick(path);
    expect(response.status).not.toBe(403);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('Unsubscribed.');
    const statuses = await db
      .selectFrom('outbox')
      .select('status')
      .where('to_address', '=', email)
      .where('category', '=', 'campaign')
      .execute();
    expect(statuses.some((s) => s.status === 'cancelled')).toBe(true);
  });

  it('an invalid token is a 4xx page, never a 403', async () => {
    const response = await oneClick('/unsubscribe/not-a-real-token');
    expect(response.status).not.toBe(403);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('a session cookie with a foreign Origin', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn('ana@northwind.test');
  });

  it('is a 403 JSON error on /api/v1', async () => {
    for (const path of ['/api/v1/deals', '/api/v1/conflicts/check']) {
      const response = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { cookie, origin: FOREIGN, 'content-type': 'application/json' },
        body: JSON.stringify(dealInput()),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('is a tRPC-shaped 403 on /api/trpc/auth.me, single and batched', async () => {
    const single = await fetch(`${baseUrl()}/api/trpc/auth.me`, {
      method: 'POST',
      headers: { cookie, origin: FOREIGN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(single.status).toBe(403);
    const one = await single.json();
    expect(one.error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403, path: 'auth.me' });
    const batch = await fetch(`${baseUrl()}/api/trpc/auth.me,team.invite?batch=1`, {
      method: 'POST',
      headers: { cookie, origin: FOREIGN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(batch.status).toBe(403);
    const entries = await batch.json();
    expect(entries.map((e: any) => [e.error.data.path, e.error.data.code])).toEqual([
      ['auth.me', 'FORBIDDEN'],
      ['team.invite', 'FORBIDDEN'],
    ]);
  });

  it('reaches @trpc/client as a TRPCClientError with code FORBIDDEN, batched or not', async () => {
    const headers = { cookie, origin: FOREIGN };
    const batched = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${baseUrl()}/api/trpc`, headers, methodOverride: 'POST' })],
    });
    const plain = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl()}/api/trpc`, headers })],
    });
    const settled = (call: Promise<unknown>) =>
      call.then(
        () => null,
        (e: unknown) => e,
      );
    const errors = await Promise.all([
      settled(batched.auth.me.query()),
      settled(batched.team.invite.mutate({ email: 'victim@example.test', role: 'partner_admin' })),
      settled(plain.team.invite.mutate({ email: 'victim@example.test', role: 'partner_admin' })),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<AppRouter>).data).toMatchObject({
        code: 'FORBIDDEN',
        httpStatus: 403,
      });
    }
  });

  it('the same client from our own origin is served', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${baseUrl()}/api/trpc`, headers: { cookie } })],
    });
    expect((await client.auth.me.query())?.email).toBe('ana@northwind.test');
  });

  it('a malformed percent-encoding in a tRPC path is a 4xx, not a 500', async () => {
    const refused = await fetch(`${baseUrl()}/api/trpc/%E0%A4%A?batch=1`, {
      method: 'POST',
      headers: { cookie, origin: FOREIGN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const get = await fetch(`${baseUrl()}/api/trpc/%E0%A4%A`);
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(get.status).toBeLessThan(500);
  });
});

describe('static files: compression and caching', () => {
  let assetPath: string;
  let identity: RawResponse;
  beforeAll(async () => {
    const html = await (await fetch(`${baseUrl()}/for/contact-center`)).text();
    const assets = [...html.matchAll(/\/_astro\/[\w.-]+\.(?:css|js)/g)].map((m) => m[0]);
    expect(assets.length).toBeGreaterThan(0);
    assetPath = assets[0]!;
    identity = await send(`${baseUrl()}${assetPath}`, {
      headers: { 'accept-encoding': 'identity' },
    });
  });

  it('a hashed asset is immutable for a year and varies on Accept-Encoding', () => {
    expect(identity.status).toBe(200);
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    expect(identity.body.length).toBeGreaterThan(256);
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
  ])('Accept-Encoding %j → %s, with the same bytes once decoded', async (accept, encoding) => {
    const response = await send(`${baseUrl()}${assetPath}`, {
      headers: { 'accept-encoding': accept },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe(identity.headers['content-type']);
    expect(response.headers.etag).toBe(identity.headers.etag);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    const decoded =
      encoding === 'br'
        ? brotliDecompressSync(response.body)
        : encoding === 'gzip'
          ? gunzipSync(response.body)
          : response.body;
    if (encoding) expect(response.body.length).toBeLessThan(identity.body.length);
    expect(decoded.equals(identity.body)).toBe(true);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const response = await send(`${baseUrl()}${assetPath}`, {
      headers: { 'if-none-match': String(identity.headers.etag), 'accept-encoding': 'br' },
    });
    expect(response.status).toBe(304);
    expect(response.body.length).toBe(0);
  });
});

describe('a server of its own', () => {
  let server: RunningServer;
  let builtAt: number;
  beforeAll(async () => {
    builtAt = statSync(MAIN).mtimeMs;
    server = await startBuiltServer({
      DATABASE_URL: sqliteUrl(),
      CHASM_DEMO: '1',
      CHASM_JOBS: '0',
      ALLOWED_HOSTS: 'chasm.test',
    });
  }, 120_000);
  afterAll(() => server?.stop());

  it('answers for a host named in ALLOWED_HOSTS at run time, without a rebuild', async () => {
    expect(statSync(MAIN).mtimeMs).toBe(builtAt);
    const page = await send(`${server.baseUrl}/`, { headers: { host: 'chasm.test' } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('</html>');
    const withPort = await send(`${server.baseUrl}/api/health`, {
      headers: { host: 'chasm.test:8080' },
    });
    expect(withPort.status).toBe(200);
  });

  it('accepts a same-origin form post through the allowed host', async () => {
    const response = await send(`${server.baseUrl}/login`, {
      method: 'POST',
      headers: {
        host: 'chasm.test',
        origin: 'http://chasm.test',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        email: 'ana@northwind.test',
        password: DEMO_PASSWORD,
      }).toString(),
    });
    expect(response.status).toBe(303);
  });

  it('an unknown host is a 421 JSON error', async () => {
    for (const host of ['evil.test', 'chasm.test.evil.test', 'evil.test:4321']) {
      const response = await send(`${server.baseUrl}/`, { headers: { host } });
      expect(response.status, host).toBe(421);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.body.toString()).error.code).toBe('MISDIRECTED_REQUEST');
    }
  });

  it('host names are case-insensitive', async () => {
    const response = await send(`${server.baseUrl}/api/health`, {
      headers: { host: 'CHASM.TEST' },
    });
    expect(response.status).toBe(200);
  });

  it('a second server on the same port exits 1 and says the port is in use', async () => {
    const port = new URL(server.baseUrl).port;
    const second = await runUntilExit({
      PORT: port,
      PUBLIC_ORIGIN: server.baseUrl,
      DATABASE_URL: sqliteUrl(),
      CHASM_DEMO: '0',
      CHASM_JOBS: '0',
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Port ${port}.*already in use`));
    expect(second.stderr).not.toMatch(/^\s{4}at /m);
    // The first server is untouched.
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});

describe('start-up failures', () => {
  it.each([
    [
      'a SQLite file under a regular file',
      () => {
        const file = join(tempDir(), 'not-a-folder');
        writeFileSync(file, 'x');
        return `file:${file}/x.sqlite`;
      },
    ],
    ['a PostgreSQL server that is not there', () => 'postgres://postgres@127.0.0.1:1/none'],
  ])('%s: exits non-zero with one message that names DATABASE_URL', async (_label, url) => {
    const port = await freePort();
    const result = await runUntilExit({
      DATABASE_URL: url(),
      PORT: String(port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      CHASM_STARTUP_WAIT_MS: '1500',
      CHASM_DEMO: '0',
    });
    expect(result.code).not.toBeNull();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toMatch(/^\s{4}at /m);
    expect(result.stdout).not.toContain('listening');
  });
});

describe('a bad setting stops the start, naming the variable', () => {
  it.each([
    ['API_RATE_LIMIT', '0', 'API_RATE_LIMIT must be at least 1 request per minute.'],
    ['WEB_CONCURRENCY', 'lots', 'WEB_CONCURRENCY must be a whole number from 1 to 64.'],
    ['WEBHOOK_ALLOW_PRIVATE', 'yes', 'WEBHOOK_ALLOW_PRIVATE must be 0 or 1.'],
  ])('%s=%s', async (name, value, message) => {
    const port = await freePort();
    const result = await runUntilExit({
      DATABASE_URL: sqliteUrl(),
      PORT: String(port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      CHASM_DEMO: '0',
      [name]: value,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${name}: ${message}`);
    expect(result.stderr).not.toMatch(/^\s{4}at /m);
    expect(result.stdout).not.toContain('listening');
  });
});

describe('SIGTERM with requests in flight', () => {
  let server: RunningServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startBuiltServer({ DATABASE_URL: sqliteUrl(), CHASM_DEMO: '1' });
    const login = await fetch(`${server.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'ana@northwind.test', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(303);
    cookie = sessionCookie(login)!;
    expect(cookie).toBeTruthy();
  }, 120_000);
  afterAll(() => server?.stop());

  const invite = (n: string) =>
    JSON.stringify({ email: `drain-${n}-${Date.now()}@example.test`, role: 'partner_rep' });

  /** A POST whose headers the server has read (it sent 100 Continue) but whose body waits. */
  function heldPost(n: string) {
    const body = invite(n);
    const req = httpRequest(`${server.baseUrl}/api/trpc/team.invite`, {
      method: 'POST',
      agent: false,
      headers: {
        cookie,
        origin: server.baseUrl,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        // node:http sends the headers at once and waits for the server's 100 Continue, which
        // Node's server sends when it has parsed them and handed the request to the handler.
        expect: '100-continue',
      },
    });
    const continued = new Promise<void>((ready, fail) => {
      req.once('continue', () => ready());
      req.once('error', fail);
    });
    const response = new Promise<RawResponse>((done, fail) => {
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      });
      req.once('error', fail);
    });
    response.catch(() => undefined);
    continued.catch(() => undefined);
    return { continued, response, finish: () => req.end(body) };
  }

  type Outcome = { kind: 'complete'; status: number } | { kind: 'none' } | { kind: 'broken' };

  /** What became of a request: no response at all, a complete body, or a body cut off. */
  async function outcome(call: Promise<Response>, isComplete: (text: string) => boolean) {
    let response: Response;
    try {
      response = await call;
    } catch {
      return { kind: 'none' } as Outcome;
    }
    try {
      const text = await response.text();
      return (
        isComplete(text) ? { kind: 'complete', status: response.status } : { kind: 'broken' }
      ) as Outcome;
    } catch {
      return { kind: 'broken' } as Outcome;
    }
  }
  const isHtml = (text: string) => text.trimEnd().endsWith('</html>');
  const isJson = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('finishes every request it accepted, refuses new connections, and exits 0', async () => {
    const exited = new Promise<number | null>((done) => {
      if (server.process.exitCode !== null) done(server.process.exitCode);
      server.process.once('exit', (code) => done(code));
    });
    // Two requests certainly in flight when the signal arrives: their headers have been read.
    const held = [heldPost('held-1'), heldPost('held-2')];
    await Promise.all(held.map((h) => h.continued));

    const burst: Promise<Outcome>[] = [];
    for (let i = 0; i < 20; i++) {
      const call =
        i % 3 === 0
          ? outcome(fetch(`${server.baseUrl}/`, { headers: { cookie } }), isHtml)
          : i % 3 === 1
            ? outcome(
                fetch(
                  `${server.baseUrl}/api/trpc/auth.me,auth.me?batch=1&input=${encodeURIComponent('{}')}`,
                  { headers: { cookie } },
                ),
                isJson,
              )
            : outcome(
                fetch(`${server.baseUrl}/api/trpc/team.invite`, {
                  method: 'POST',
                  headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
                  body: invite(String(i)),
                }),
                isJson,
              );
      burst.push(call);
    }
    // Signal once the burst is being served, so most of it is in flight.
    await Promise.race(burst);
    server.process.kill('SIGTERM');
    await new Promise<void>((ready) => {
      const check = () =>
        server.output().includes('SIGTERM: finishing requests in flight')
          ? ready()
          : setTimeout(check, 20);
      check();
    });

    // The listener is closed: a new connection is refused.
    await expect(send(`${server.baseUrl}/api/health`)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });

    // The held requests now send their bodies and still get complete answers.
    for (const h of held) h.finish();
    for (const h of held) {
      const response = await h.response;
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body.toString()).result.data).toBeTruthy();
    }

    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => o.kind === 'broken')).toEqual([]);
    const complete = outcomes.filter((o) => o.kind === 'complete');
    expect(complete.length).toBeGreaterThan(0);
    for (const o of complete) expect(o).toEqual({ kind: 'complete', status: 200 });

    expect(await exited).toBe(0);
  }, 60_000);
});
