import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../../src/server/api/root';
import type { SessionUser } from '../../src/server/auth/session';
import type { Db } from '../../src/server/db';

/**
 * Calls a procedure through tRPC's real HTTP handler (plain JSON, no transformer) as a given
 * user, returning status and body as a client would see them.
 */
export async function callTrpc(
  db: Db,
  user: SessionUser | null,
  path: string,
  input?: unknown,
  method: 'GET' | 'POST' = 'GET',
  rawBody?: string,
): Promise<{ status: number; body: any }> {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (method === 'GET' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const request = new Request(url, {
    method,
    ...(method === 'POST'
      ? {
          body: rawBody ?? JSON.stringify(input ?? null),
          headers: { 'content-type': 'application/json' },
        }
      : {}),
  });
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => ({ db, user, session: null, partnerId: user?.partner?.id ?? null }),
  });
  return { status: response.status, body: await response.json() };
}
