import type { APIRoute } from 'astro';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import {
  logTrpcError,
  TRPC_MAX_BATCH,
  trpcContext,
  trpcResponseMeta,
} from '../../../server/api/context';
import { appRouter } from '../../../server/api/root';
import { getDb } from '../../../server/db';
import { clientIp } from '../../../server/http/client-ip';

/**
 * tRPC over plain JSON for `astro dev`. In production the edge server answers /api/trpc itself
 * (src/server/http/trpc-edge.ts) with the same context builder, so this route is not reached.
 */
export const ALL: APIRoute = (context) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: context.request,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: () => trpcContext(getDb(), context.locals, clientIp(context)),
    onError: logTrpcError,
    responseMeta: trpcResponseMeta,
  });
