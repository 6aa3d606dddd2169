import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('file:db/chasm.sqlite');
    expect(config.publicOrigin).toBe('http://localhost:4321');
    expect(config.demoPassword).toBe('chasm-demo');
    expect(config.smtpUrl).toBeUndefined();
  });

  it.each([
    [{}, true],
    [{ CHASM_DEMO: '0' }, false],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', CHASM_DEMO: '1' }, true],
    [{ NODE_ENV: 'test' }, true],
  ])('demo data for %j: %s', (env, expected) => {
    expect(loadConfig(env).shouldSeedDemo).toBe(expected);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
    expect(() => loadConfig({ REVIEW_SLA_HOURS: '0' })).toThrow(/REVIEW_SLA_HOURS/);
    expect(() => loadConfig({ REVIEW_SLA_HOURS: '1000' })).toThrow(/REVIEW_SLA_HOURS/);
  });

  it.each([
    [
      { API_RATE_LIMIT: '0' },
      'API_RATE_LIMIT: API_RATE_LIMIT must be at least 1 request per minute.',
    ],
    [{ API_RATE_LIMIT: '2.5' }, 'API_RATE_LIMIT: API_RATE_LIMIT must be a whole number'],
    [{ API_RATE_LIMIT: '5000000' }, 'API_RATE_LIMIT: API_RATE_LIMIT must be at most 1,000,000'],
    [
      { WEBHOOK_ALLOW_PRIVATE: 'yes' },
      'WEBHOOK_ALLOW_PRIVATE: WEBHOOK_ALLOW_PRIVATE must be 0 or 1.',
    ],
    [{ PORT: '70000' }, 'PORT: PORT must be a port number (0 to 65535; 0 picks a free one).'],
    [
      { WEB_CONCURRENCY: '0' },
      'WEB_CONCURRENCY: WEB_CONCURRENCY must be a whole number from 1 to 64.',
    ],
  ])('refuses %j at start, naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the partner API, webhook and listening settings, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      apiRatePerMinute: 600,
      webhookAllowPrivate: null,
      listen: { host: '127.0.0.1', port: 4321 },
      webConcurrency: 1,
      startupWaitMs: 20_000,
    });
    expect(
      loadConfig({
        API_RATE_LIMIT: '120',
        WEBHOOK_ALLOW_PRIVATE: '1',
        HOST: '0.0.0.0',
        PORT: '8080',
      }),
    ).toMatchObject({
      apiRatePerMinute: 120,
      webhookAllowPrivate: true,
      listen: { host: '0.0.0.0', port: 8080 },
    });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate).toBe(false);
  });

  it('reads the review deadline and the beacon limits, with their defaults', () => {
    expect(loadConfig({}).reviewSlaHours).toBe(48);
    expect(loadConfig({ REVIEW_SLA_HOURS: '24' }).reviewSlaHours).toBe(24);
    expect(loadConfig({}).beacon).toEqual({ burst: 60, ratePerSecond: 5 });
    expect(loadConfig({ BEACON_BURST: '10', BEACON_RATE: '0.5' }).beacon).toEqual({
      burst: 10,
      ratePerSecond: 0.5,
    });
    // An unusable limit keeps the default rather than stopping the beacon.
    expect(loadConfig({ BEACON_BURST: '0', BEACON_RATE: 'fast' }).beacon).toEqual({
      burst: 60,
      ratePerSecond: 5,
    });
  });

  it('drops a trailing slash from the public origin, so links do not get a double slash', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://portal.example.com/' }).publicOrigin).toBe(
      'https://portal.example.com',
    );
  });
});
