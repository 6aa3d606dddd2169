/**
 * The production server: `npm start`, the README's production command (`node dist/edge/main.mjs`)
 * and the test servers all run this file, bundled to dist/edge/main.mjs by the build. It reads HOST, PORT, PUBLIC_ORIGIN and ALLOWED_HOSTS now (never at build
 * time), prepares the database (migrations, demo data) and the background jobs before it
 * listens, and drains on SIGTERM/SIGINT. WEB_CONCURRENCY=N runs N workers on one port.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureReady } from '../boot';
import { config } from '../config';
import { getDb } from '../db';
import { runShutdownHooks } from '../process-state';
import { allowedHostsFrom, createEdgeServer, type AstroHandler } from './server';
import { explainStartupFailure, isWorthRetrying } from './startup-errors';
import { createHash } from 'node:crypto';
import { setContentBuild } from './home-page-cache';
import { loadStaticFiles, type StaticFile } from './static-files';

/** The project folder: this file runs from src/server/http or, bundled, from dist/edge. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = projectRoot();
const DRAIN_MS = 10_000;

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** Boots the database, waiting a little for one that is still starting; then gives up with why. */
async function bootOrExplain(withJobs: boolean): Promise<void> {
  const deadline = Date.now() + config().startupWaitMs;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      await ensureReady({ jobs: withJobs });
      return;
    } catch (error) {
      if (!isWorthRetrying(error) || Date.now() >= deadline) {
        fail(explainStartupFailure(error, config().databaseUrl, attempts));
      }
      if (attempts === 1) console.error('Waiting for the database to accept connections…');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function loadAstro(): Promise<AstroHandler> {
  const entry = resolve(ROOT, 'dist/server/entry.mjs');
  if (!existsSync(entry)) fail('There is no build in dist/. Run `npm run build` (or `npm start`).');
  const module = (await import(pathToFileURL(entry).href)) as { handler?: AstroHandler };
  if (typeof module.handler !== 'function') {
    fail('dist/server/entry.mjs has no handler: rebuild with `npm run build`.');
  }
  return module.handler;
}

/** The build's identity, from its client files (hashed asset names and prerendered pages). */
function buildIdOf(files: Map<string, StaticFile>): string {
  const hash = createHash('sha1');
  for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${path} ${file.etag}\n`);
  return hash.digest('base64url').slice(0, 12);
}

export async function runWorker(): Promise<void> {
  const cfg = config();
  const { host, port } = cfg.listen;
  let ready = false;
  await bootOrExplain(true);
  ready = true;
  const staticFiles = loadStaticFiles(resolve(ROOT, 'dist/client'));
  setContentBuild(buildIdOf(staticFiles));
  const server = createEdgeServer({
    astro: await loadAstro(),
    staticFiles,
    allowedHosts: allowedHostsFrom(cfg.publicOrigin, cfg.allowedHosts),
    isReady: () => ready,
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((listening) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        fail(`Port ${port} on ${host} is already in use. Stop the other server or set PORT.`);
      if (error.code === 'EACCES')
        fail(`Not allowed to listen on port ${port} (ports below 1024 need privileges). Set PORT.`);
      fail(`Could not listen on ${host}:${port}: ${error.message}`);
    });
    server.listen(port, host, () => listening());
  });
  console.log(`Chasm listening on http://${host}:${port} (pid ${process.pid})`);

  let draining = false;
  const drain = async (signal: string) => {
    if (draining) return;
    draining = true;
    ready = false;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    const forced = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    forced.unref();
    await new Promise<void>((closed) => {
      server.close(() => closed());
      server.closeIdleConnections();
    });
    clearTimeout(forced);
    await runShutdownHooks();
    await getDb()
      .destroy()
      .catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void drain('SIGTERM'));
  process.once('SIGINT', () => void drain('SIGINT'));
}

/** The cluster primary migrates once, then forks workers; each worker has its own pool. */
async function runPrimary(workers: number): Promise<void> {
  await bootOrExplain(false);
  await getDb().destroy();
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (code === 1) fail('A worker could not start; see its message above.');
    console.error(`Worker ${worker.process.pid} stopped (${code}); starting another.`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export async function main(): Promise<void> {
  process.on('unhandledRejection', (reason) => {
    console.error('[process] unhandled rejection:', reason);
  });
  // Every variable is checked here, before anything starts: a bad one is one line naming it.
  let workers: number;
  try {
    workers = config().webConcurrency;
  } catch (error) {
    fail((error as Error).message);
  }
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers);
  return runWorker();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
