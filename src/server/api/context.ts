import type { RequestSession } from '../auth/request-session';
import type { Db } from '../db';
import type { Context } from './trpc';

/** tRPC's context for a request: one builder for the edge and for Astro's /api/trpc route. */
export function trpcContext(db: Db, session: Pick<RequestSession, 'user' | 'session'>): Context {
  return {
    db,
    user: session.user,
    session: session.session,
    partnerId: session.user?.partner?.id ?? null,
  };
}

/** Unexpected failures are logged once; AppErrors are answers, not faults. */
export function logTrpcError({
  error,
  path,
}: {
  error: { code: string; cause?: unknown };
  path?: string;
}) {
  const cause = error.cause as { name?: string } | undefined;
  if (error.code === 'INTERNAL_SERVER_ERROR' && cause?.name !== 'AppError') {
    console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
  }
}

/** A batch runs its calls in one request; keep one request from asking for unbounded work. */
export const TRPC_MAX_BATCH = 10;
