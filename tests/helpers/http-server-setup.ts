import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../src/server/cli/build-if-stale';
import { startBuiltServer } from './server';
import { createPostgresSchema } from './test-db';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverDatabaseUrl: string;
  }
}

/**
 * Starts one built server for the integration project, on SQLite or PostgreSQL like the
 * project, with demo data. HTTP tests read its address with `inject('baseUrl')`.
 */
export default async function setup(project: TestProject) {
  buildIfStale(() => undefined);
  const isPostgres = project.name === 'integration-postgres';
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  if (isPostgres) {
    const schema = await createPostgresSchema();
    databaseUrl = schema.url;
    dropDatabase = schema.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'chasm-http-'));
    databaseUrl = `file:${join(dir, 'server.sqlite')}`;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await startBuiltServer({
    DATABASE_URL: databaseUrl,
    CHASM_JOBS: '1',
    CHASM_DEMO_VISITORS_PER_DAY: '10',
    // Tests stand for several clients by sending their own X-Forwarded-For.
    TRUST_PROXY: '1',
    // A slow refill, so the flood test does not depend on how fast the machine is.
    BEACON_RATE: '0.05',
  });
  project.provide('baseUrl', server.baseUrl);
  project.provide('serverDatabaseUrl', databaseUrl);
  return async () => {
    await server.stop();
    await dropDatabase();
  };
}
