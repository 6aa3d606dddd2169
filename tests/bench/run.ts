/**
 * `npm run bench`: builds and starts the server with demo data, runs every suite in one
 * process run, prints a table with ratios (compare ratios, not absolute numbers: the machine
 * is shared and noisy) and writes bench-results.json. Nothing here is asserted by tests.
 * BENCH_SECONDS sets the length of each HTTP load (default 5).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIfStale } from '../../src/server/cli/build-if-stale';
import { startBuiltServer } from '../helpers/server';
import type { BenchRow, Ratio } from './harness';
import { analyticsSuite } from './suites/analytics';
import { edgeSuite } from './suites/edge';
import { foundationSuite } from './suites/foundation';
import { personasSuite } from './suites/personas';
import { roiSuite } from './suites/roi';
import { portalSuite } from './suites/portal';

export interface BenchContext {
  baseUrl: string;
  databaseUrl: string;
  /** Session cookies of demo users, by first name. */
  cookies: Record<string, string>;
}

type Suite = (ctx: BenchContext) => Promise<{ rows: BenchRow[]; ratios: Ratio[] }>;
const SUITES: [string, Suite][] = [
  ['foundation', foundationSuite],
  ['edge', edgeSuite],
  ['personas', personasSuite],
  ['roi', roiSuite],
  ['portal', portalSuite],
  ['analytics', analyticsSuite],
];

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'chasm-demo' }).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('chasm_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`could not sign in ${email}`);
  return cookie;
}

buildIfStale();
const dir = mkdtempSync(join(tmpdir(), 'chasm-bench-'));
const databaseUrl = `file:${join(dir, 'bench.sqlite')}`;
const server = await startBuiltServer({
  DATABASE_URL: databaseUrl,
  CHASM_DEMO: '1',
  DEMO_PASSWORD: 'chasm-demo',
  NODE_ENV: 'production',
  CHASM_DEMO_VISITORS_PER_DAY: '50',
  // The load generator stands for many clients by sending X-Forwarded-For.
  TRUST_PROXY: '1',
  // The bench measures what a roi.compute costs, not the per-address limit that bounds it.
  ROI_COMPUTE_PER_MINUTE: '100000000',
});
// `npm run bench edge foundation` runs those suites; no argument runs them all.
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const ratios: Ratio[] = [];
try {
  const cookies = {
    ana: await signIn(server.baseUrl, 'ana@northwind.test'),
    exec: await signIn(server.baseUrl, 'exec@chasm.test'),
    channel: await signIn(server.baseUrl, 'channel@chasm.test'),
  };
  const ctx: BenchContext = { baseUrl: server.baseUrl, databaseUrl, cookies };
  for (const [name, suite] of SUITES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n▶ ${name}`);
    const result = await suite(ctx);
    rows.push(...result.rows);
    ratios.push(...result.ratios);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(n < 10 ? 3 : 1);
console.log('\n| suite | measurement | value | detail |\n| --- | --- | ---: | --- |');
for (const r of rows) {
  const detail = Object.entries(r.detail ?? {})
    .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
    .join(' ');
  console.log(`| ${r.suite} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${detail} |`);
}
console.log('\n| ratio | value | budget | within |\n| --- | ---: | ---: | --- |');
for (const r of ratios) {
  const within = r.budget === undefined ? '' : r.value >= r.budget ? 'yes' : 'NO';
  console.log(`| ${r.name} | ${r.value.toFixed(2)} | ${r.budget ?? ''} | ${within} |`);
}
const out = resolve(import.meta.dirname, '../../bench-results.json');
writeFileSync(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows, ratios },
    null,
    2,
  ),
);
console.log(`\nWrote ${out}`);
