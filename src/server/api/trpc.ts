import { initTRPC, TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { requirePartner, requireRole, requireUser } from '../auth/permissions';
import type { SessionUser, ValidSession } from '../auth/session';
import { config } from '../config';
import type { Db } from '../db';
import { AppError, HTTP_STATUS, type AppErrorCode, type FieldIssue } from '../errors';
import type { RequestFacts } from '../operations/operation';
import type { Role } from '../schema';
import { zodIssues } from '../validation';

export interface Context {
  db: Db;
  user: SessionUser | null;
  session: ValidSession | null;
  /** The partner the signed-in user belongs to; null for internal roles and visitors. */
  partnerId: string | null;
  /** What the adapter knows of the request (the client's address for per-address limits). */
  request?: RequestFacts;
}

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNPROCESSABLE: 'UNPROCESSABLE_CONTENT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  LENGTH_REQUIRED: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** The one error shape clients read: a message, a code, the HTTP status and field issues. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path?: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  stack?: string;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const data: ErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
    };
    let message = shape.message;
    const cause = error.cause;
    if (cause instanceof AppError) {
      data.code = TRPC_CODE[cause.code];
      data.httpStatus = HTTP_STATUS[cause.code];
      message = cause.message;
      if (cause.issues) data.issues = cause.issues;
      if (cause.retryAfterSeconds) data.retryAfterSeconds = cause.retryAfterSeconds;
    } else if (cause instanceof ZodError) {
      message = 'Some fields need attention.';
      data.issues = zodIssues(cause);
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = 'Something went wrong on our side. Try again; if it keeps happening, tell us.';
    } else if (error.code === 'PARSE_ERROR') {
      message = 'The request body is not valid JSON.';
    }
    // Stack traces help while developing a failure, never in production or for a client's mistake.
    if (!config().isProduction && data.httpStatus >= 500 && shape.data.stack)
      data.stack = shape.data.stack;
    return { message, code: TRPC_ERROR_CODES_BY_KEY[data.code], data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure;
/** The bare builder `procedureFor` starts from. */
export const baseProcedure = t.procedure;

/** Any signed-in user. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  const user = guard(() => requireUser(ctx.user));
  return next({ ctx: { ...ctx, user } });
});

/** Signed in with one of the given roles. */
export function roleProcedure(...roles: Role[]) {
  return t.procedure.use(({ ctx, next }) => {
    const user = guard(() => requireRole(ctx.user, roles));
    return next({ ctx: { ...ctx, user } });
  });
}

/** A partner user; `ctx.partnerId` comes from the session and is never read from input. */
export const partnerProcedure = t.procedure.use(({ ctx, next }) => {
  const { user, partnerId } = guard(() => requirePartner(ctx.user));
  return next({ ctx: { ...ctx, user, partnerId } });
});

/** Runs an access check, turning its AppError into the TRPCError the error formatter reads. */
export function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError) {
      throw new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
    }
    throw error;
  }
}
