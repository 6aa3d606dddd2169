import type { RequestSession } from '../auth/request-session';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Context } from './trpc';

/** tRPC's context for a request: one builder for the edge and for Astro's /api/trpc route. */
export function trpcContext(
  db: Db,
  session: Pick<RequestSession, 'user' | 'session'>,
  clientIp?: string,
): Context {
  return {
    db,
    user: session.user,
    session: session.session,
    partnerId: session.user?.partner?.id ?? null,
    ...(clientIp !== undefined ? { request: { clientIp, visitor: null } } : {}),
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

/**
 * A refusal that says when to come back (TOO_MANY_REQUESTS) also says it in `Retry-After`, as
 * every other road does; the seconds are in the error's data too.
 */
export function trpcResponseMeta({ errors }: { errors: { cause?: unknown }[] }) {
  const seconds = errors
    .map((error) => (error.cause instanceof AppError ? error.cause.retryAfterSeconds : undefined))
    .find((value) => value !== undefined);
  return seconds ? { headers: { 'retry-after': String(seconds) } } : {};
}

/** A batch runs its calls in one request; keep one request from asking for unbounded work. */
export const TRPC_MAX_BATCH = 10;
