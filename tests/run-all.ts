/**
 * `npm test`: every suite in one command.
 *   1. builds the server if the sources changed (integration HTTP tests and e2e use it);
 *   2. the type check of every file, pages included (`astro check`: tsc does not read .astro
 *      files, and a page using a name it never defined fails only when it renders), counted as
 *      one test;
 *   3. Vitest: unit, integration on SQLite, and integration on PostgreSQL when TEST_DATABASE_URL is set;
 *   4. Playwright in the machine's Chromium. Without Chromium this part is skipped with the
 *      reason, except when CI=true, where a missing browser is a failure.
 * Ends with one line, `N passed, N failed`, summing every suite (also written to
 * test-results/summary.json for .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfStale } from '../src/server/cli/build-if-stale';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const isCi = process.env.CI === 'true' || process.env.CI === '1';

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const notes: string[] = [];

try {
  buildIfStale();
} catch (error) {
  console.error(String(error));
  failed++;
  notes.push('build failed');
}

// Type check
const check = spawnSync(bin('astro'), ['check', '--minimumSeverity', 'error'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (check.status === 0) passed++;
else {
  failed++;
  notes.push('astro check found type errors (see above)');
}

// Vitest
const vitestJson = join(RESULTS, 'vitest.json');
spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  },
);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { status: string; message?: string; assertionResults: unknown[] }[];
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no test results; count it as one failure so it is not lost.
  failed += report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
} else {
  failed++;
  notes.push('vitest produced no report');
}
if (!process.env.TEST_DATABASE_URL)
  notes.push('PostgreSQL integration suite skipped: TEST_DATABASE_URL is not set');

// Playwright
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const why = `end-to-end tests skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (isCi) {
    failed++;
    notes.push(`${why}; CI=true requires them`);
  } else {
    notes.push(why);
  }
} else {
  const e2eJson = join(RESULTS, 'e2e.json');
  spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  });
  if (existsSync(e2eJson)) {
    const report = JSON.parse(readFileSync(e2eJson, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number };
      errors?: unknown[];
    };
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected + (report.errors?.length ?? 0);
  } else {
    failed++;
    notes.push('playwright produced no report');
  }
}

for (const note of notes) console.log(`note: ${note}`);
writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ passed, failed, notes }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
