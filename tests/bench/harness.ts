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
}

/** Requests per second and latency for one URL, on 127.0.0.1 only. */
export async function load(
  options: HttpLoad,
): Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number }> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body ? { body: options.body } : {}),
    connections: options.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 50),
    duration: options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5),
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Runs a TypeScript server file in a child process (via tsx) and waits for its "ready". */
export async function forkServer(
  file: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = fork(resolve(import.meta.dirname, file), [], {
    env: { ...process.env, ...env, PORT: String(port) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((ready, fail) => {
    child.once('message', () => ready());
    child.once('exit', (code) => fail(new Error(`${file} exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}
