import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the tRPC router', () => {
  // The bare-tRPC bench server (tests/bench/servers/bare-trpc.ts) and scripts load the router
  // with plain Node + tsx, where Vite's import.meta.glob (used by content loaders) does not exist.
  it('loads outside Vite, so routers must not import content modules', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/server/api/root.ts').then((m) => console.log(Object.keys(m.appRouter._def.procedures).join(',')))",
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).not.toContain('Error');
    expect(result.stdout).toContain('leads.list');
  });
});
