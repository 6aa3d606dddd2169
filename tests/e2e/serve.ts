/** Serves the built app for Playwright: fresh SQLite database, demo data, fixed port. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from '../../src/server/cli/build-if-stale';

const port = process.env.E2E_PORT ?? '4391';
const dir = mkdtempSync(join(tmpdir(), 'chasm-e2e-'));
Object.assign(process.env, {
  HOST: '127.0.0.1',
  PORT: port,
  PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
  DATABASE_URL: `file:${join(dir, 'e2e.sqlite')}`,
  CHASM_DEMO: '1',
  CHASM_DEMO_VISITORS_PER_DAY: process.env.CHASM_DEMO_VISITORS_PER_DAY ?? '20',
  ASTRO_NODE_LOGGING: 'disabled',
});
const entry = buildIfStale(() => undefined);
const { main } = (await import(pathToFileURL(entry).href)) as { main: () => Promise<void> };
await main();
