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
  });

  it('drops a trailing slash from the public origin, so links do not get a double slash', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://portal.example.com/' }).publicOrigin).toBe(
      'https://portal.example.com',
    );
  });
});
