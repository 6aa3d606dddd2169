import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { precompressClientFiles } from './precompress';

const ROOT = resolve(import.meta.dirname, '../../..');
const STAMP = join(ROOT, 'dist', '.chasm-build.json');
const INPUTS = [
  'src',
  'content',
  'db/migrations',
  'db/seed',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds unless `dist/` is newer than every source file, then precompresses the client files.
 * Hosts and ports are read by the server at run time, so they never cause a rebuild.
 * Returns the path of the edge server's entry (dist/edge/main.mjs).
 */
export function buildIfStale(log: (line: string) => void = console.log): string {
  const entry = join(ROOT, 'dist', 'edge', 'main.mjs');
  const sourceMtime = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  const wanted = { sourceMtime };
  if (existsSync(entry) && existsSync(STAMP)) {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as typeof wanted;
    if (stamp.sourceMtime >= sourceMtime) return entry;
  }
  log('Building Chasm (first start, or the sources changed)…');
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Always a production bundle: test runners set NODE_ENV=test, which would ship React's dev build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
  const edge = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'src/server/http/edge.vite.config.ts'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (edge.status !== 0) throw new Error('The edge server build failed; see the output above.');
  precompressClientFiles(join(ROOT, 'dist', 'client'));
  writeFileSync(STAMP, JSON.stringify(wanted));
  return entry;
}
