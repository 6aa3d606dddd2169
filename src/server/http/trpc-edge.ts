import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { logTrpcError, TRPC_MAX_BATCH, trpcContext, trpcResponseMeta } from '../api/context';
import { appRouter } from '../api/root';
import { getDb } from '../db';
import { edgeSession } from './edge-session';
import { nodeClientIp } from './node-request';
import { safeDecode } from './request-policy';
import { SECURITY_HEADERS } from './security-headers';

/**
 * /api/trpc/* on tRPC's node adapter, outside Astro's page pipeline: the request policy has
 * already run; the session comes from the same sessionForToken the pages use.
 */
export async function handleTrpc(req: IncomingMessage, res: ServerResponse, pathname: string) {
  const { session, setCookies } = await edgeSession(req);
  for (const cookie of setCookies) res.appendHeader('set-cookie', cookie);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('cache-control', 'no-store');
  await nodeHTTPRequestHandler({
    req,
    res,
    path: safeDecode(pathname.slice('/api/trpc/'.length)),
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: () => trpcContext(getDb(), session, nodeClientIp(req)),
    onError: logTrpcError,
    responseMeta: trpcResponseMeta,
  });
}
