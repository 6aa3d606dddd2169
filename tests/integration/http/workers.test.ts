import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_UA, DEMO_PASSWORD } from '../../helpers/http';
import { startBuiltServer, type RunningServer } from '../../helpers/server';

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const status = readFileSync(`/proc/${name}/status`, 'utf8');
        return Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('WEB_CONCURRENCY=2 on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chasm-workers-'));
  let server: RunningServer;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two workers on one port that share sessions and data, and stops them all on SIGTERM', async () => {
    server = await startBuiltServer({
      DATABASE_URL: `file:${join(dir, 'x.sqlite')}`,
      CHASM_DEMO: '1',
      WEB_CONCURRENCY: '2',
    });
    const primary = server.process.pid!;
    let workers: number[] = [];
    for (let attempt = 0; attempt < 50 && workers.length < 2; attempt++) {
      workers = childrenOf(primary);
      if (workers.length < 2) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(workers).toHaveLength(2);

    // Sign in once; every request after it, whichever worker takes it, knows the session.
    const login = await fetch(`${server.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.baseUrl,
        'user-agent': BROWSER_UA,
      },
      body: new URLSearchParams({ email: 'channel@chasm.test', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(303);
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('chasm_session='))!
      .split(';')[0]!;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${server.baseUrl}/api/trpc/auth.me`, { headers: { cookie } }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as any,
        })),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.result.data.email).toBe('channel@chasm.test');
    }
    const pages = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.baseUrl}/?utm_audience=developers`).then((r) => r.status),
      ),
    );
    expect(pages.every((status) => status === 200)).toBe(true);

    const exit = new Promise<number | null>((done) =>
      server.process.once('exit', (code) => done(code)),
    );
    server.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    for (let attempt = 0; attempt < 50 && workers.some(isAlive); attempt++) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(workers.filter(isAlive)).toEqual([]);
  }, 120_000);
});
