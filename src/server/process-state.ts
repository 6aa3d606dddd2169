/**
 * State that must exist once per process. The edge server (src/server/http/server.ts) runs
 * from source while Astro's pages run from the build, so a module such as db.ts can be loaded
 * twice; anything that holds a connection, a timer or a start-up promise keeps it here, keyed
 * on globalThis, so both copies share one database pool, one boot and one shutdown.
 */
const STATE = Symbol.for('chasm.process-state');

interface ProcessState {
  singletons: Map<string, unknown>;
  shutdownHooks: (() => Promise<void> | void)[];
}

function state(): ProcessState {
  const holder = globalThis as unknown as Record<symbol, ProcessState | undefined>;
  holder[STATE] ??= { singletons: new Map(), shutdownHooks: [] };
  return holder[STATE];
}

/** The one value for `name` in this process, created on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const { singletons } = state();
  if (!singletons.has(name)) singletons.set(name, create());
  return singletons.get(name) as T;
}

/** Forgets a singleton (a failed boot may be retried). */
export function resetProcessSingleton(name: string): void {
  state().singletons.delete(name);
}

/** Work to do when the process drains: flush buffers, stop timers, release leases. */
export function onShutdown(hook: () => Promise<void> | void): void {
  state().shutdownHooks.push(hook);
}

/** Runs every shutdown hook once, in the order they were added; one failing does not stop the rest. */
export async function runShutdownHooks(): Promise<void> {
  const hooks = state().shutdownHooks.splice(0);
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error('[shutdown]', error instanceof Error ? error.message : error);
    }
  }
}
