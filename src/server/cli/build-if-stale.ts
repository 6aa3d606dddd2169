import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/** What the build depends on besides files: the hosts baked into `security.allowedDomains`. */
function buildEnv() {
  return {
    PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321',
    ALLOWED_HOSTS: process.env.ALLOWED_HOSTS ?? '',
  };
}

/**
 * Builds the server unless `dist/` is newer than every source file and was built for the
 * same PUBLIC_ORIGIN and ALLOWED_HOSTS. Returns the path of the server entry.
 */
export function buildIfStale(log: (line: string) => void = console.log): string {
  const entry = join(ROOT, 'dist', 'server', 'entry.mjs');
  const sourceMtime = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  const wanted = { sourceMtime, ...buildEnv() };
  if (existsSync(entry) && existsSync(STAMP)) {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as typeof wanted;
    if (
      stamp.sourceMtime >= sourceMtime &&
      stamp.PUBLIC_ORIGIN === wanted.PUBLIC_ORIGIN &&
      stamp.ALLOWED_HOSTS === wanted.ALLOWED_HOSTS
    ) {
      return entry;
    }
  }
  log('Building Chasm (first start, or the sources changed)…');
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Always a production bundle: test runners set NODE_ENV=test, which would ship React's dev build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
  writeFileSync(STAMP, JSON.stringify(wanted));
  return entry;
}
