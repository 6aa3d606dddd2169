import type { ZodTypeAny } from 'zod';
import type { Operation, OperationContext, OperationKind } from '../operations/operation';
import { baseProcedure, guard, type Context } from './trpc';

/**
 * The operation's access rule as tRPC middleware, then its schema as the procedure's input.
 * The order matters: a visitor calling a partner procedure gets 401 before the input is read.
 */
function inputFor<S extends ZodTypeAny, A, R>(operation: Operation<S, A, R>) {
  return baseProcedure
    .use(({ ctx, next }) =>
      next({ ctx: { ...ctx, actor: guard(() => operation.access(ctx.user)) } }),
    )
    .input(operation.input);
}

/** The operation's context from tRPC's: the request's facts travel with it when known. */
function contextOf<A>(ctx: Context & { actor: A }): OperationContext<A> {
  return {
    db: ctx.db,
    actor: ctx.actor,
    now: new Date(),
    ...(ctx.request ? { request: ctx.request } : {}),
  };
}

function queryFor<S extends ZodTypeAny, A, R>(operation: Operation<S, A, R>) {
  return inputFor(operation).query(async ({ ctx, input }) =>
    operation.handle(contextOf(ctx), input),
  );
}

function mutationFor<S extends ZodTypeAny, A, R>(operation: Operation<S, A, R>) {
  return inputFor(operation).mutation(async ({ ctx, input }) =>
    operation.handle(contextOf(ctx), input),
  );
}

/** The tRPC procedure of an operation: a query for reads, a mutation for writes. */
export function procedureFor<S extends ZodTypeAny, A, R, K extends OperationKind>(
  operation: Operation<S, A, R, K>,
): K extends 'query'
  ? ReturnType<typeof queryFor<S, A, R>>
  : ReturnType<typeof mutationFor<S, A, R>> {
  const built = operation.kind === 'query' ? queryFor(operation) : mutationFor(operation);
  return built as never;
}
