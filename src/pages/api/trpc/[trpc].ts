import type { APIRoute } from 'astro';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../../../server/api/root';
import { getDb } from '../../../server/db';

/** tRPC over plain JSON (no transformer), so curl and partners' CRMs can call it too. */
export const ALL: APIRoute = ({ request, locals }) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    // A batch runs its calls in one request; keep one request from asking for unbounded work.
    maxBatchSize: 10,
    createContext: () => ({
      db: getDb(),
      user: locals.user,
      session: locals.session,
      partnerId: locals.user?.partner?.id ?? null,
    }),
    onError({ error, path }) {
      if (
        error.code === 'INTERNAL_SERVER_ERROR' &&
        !(error.cause && error.cause.name === 'AppError')
      ) {
        console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
      }
    },
  });
