import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests; integration tests on SQLite; and, when TEST_DATABASE_URL is
 * set, the same integration tests again on PostgreSQL. Integration tests that speak HTTP run
 * against the built server, started once per project by the global setup.
 */
const integration = (name: string, dialect: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    env: { CHASM_TEST_DIALECT: dialect },
    globalSetup: ['tests/helpers/http-server-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      integration('integration', 'sqlite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('integration-postgres', 'postgres')] : []),
    ],
  },
});
