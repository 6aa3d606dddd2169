import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../helpers/server';

export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** Extra figures: latency percentiles, counts, scores. */
  detail?: Record<string, number | string>;
}

export interface Ratio {
  name: string;
  numerator: string;
  denominator: string;
  value: number;
  /** The budget from DESIGN.md, as a minimum ratio, when there is one. */
  budget?: number;
}

export interface HttpLoad {
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  seconds?: number;
  connections?: number;
  /** Changes each request (autocannon's setupRequest), e.g. to simulate many clients. */
  setupRequest?: (request: { headers?: Record<string, string>; body?: string }) => {
    headers?: Record<string, string>;
    body?: string;
  };
}

export interface Loaded {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  sent: number;
}

/** A person's browser: Chasm gives bots the page and nothing else, which would flatter a row. */
export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** One throughput row: requests per second, with p50 and p99 latency and failure counts. */
export function throughputRow(
  suite: string,
  name: string,
  r: Pick<Loaded, 'rps' | 'p50' | 'p99' | 'errors' | 'non2xx'>,
): BenchRow {
  return {
    suite,
    name,
    value: r.rps,
    unit: 'req/s',
    detail: { p50_ms: r.p50, p99_ms: r.p99, errors: r.errors, non2xx: r.non2xx },
  };
}

/** Requests per second and latency for one URL, on 127.0.0.1 only. */
export async function load(options: HttpLoad): Promise<Loaded> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: { 'user-agent': BROWSER_UA, ...options.headers },
    ...(options.body ? { body: options.body } : {}),
    ...(options.setupRequest
      ? { requests: [{ setupRequest: options.setupRequest as never }] }
      : {}),
    connections: options.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 50),
    duration: options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5),
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
    sent: result.requests.sent,
  };
}

/**
 * Runs a TypeScript server file in a child process and waits for its "ready". It runs through
 * vite-node, as the bench itself does, so server code that bundles content with
 * `import.meta.glob` loads exactly as it does in the built app.
 */
export async function forkServer(
  file: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const viteNode = resolve(import.meta.dirname, '../../node_modules/vite-node/vite-node.mjs');
  const child = fork(viteNode, [resolve(import.meta.dirname, file)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((ready, fail) => {
    child.once('message', () => ready());
    child.once('exit', (code) => fail(new Error(`${file} exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** p50 and p95 of a function's duration in milliseconds over `runs` runs (after one warm-up). */
export async function timeIt(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
