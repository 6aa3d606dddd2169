import type { z, ZodTypeAny } from 'zod';
import type { Visitor } from '../../lib/personas/types';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db';
import { parseInput } from '../validation';

/**
 * One use case, defined once: its input schema, who may run it, and what it does. The tRPC
 * procedure (`procedureFor`), the REST operation (`partner-api/routes.ts`) and the page form post
 * (`runFormAction`) are all built from this object, so a rule written here holds on every road.
 */
export type OperationKind = 'query' | 'mutation';

export interface Operation<
  S extends ZodTypeAny = ZodTypeAny,
  A = unknown,
  R = unknown,
  K extends OperationKind = OperationKind,
> {
  /** Dotted name, `<domain>.<verb>`; the tRPC path and the name tests use. */
  readonly name: string;
  /** Reads are queries (GET over tRPC, safe to retry); everything else is a mutation. */
  readonly kind: K;
  readonly input: S;
  /**
   * Who may run it: returns the actor narrowed to what the handler needs, or throws an AppError
   * (UNAUTHORIZED, FORBIDDEN). Runs before the input is read, so a visitor gets 401, not 400.
   */
  readonly access: (principal: Actor | null) => A;
  readonly handle: (context: OperationContext<A>, input: z.output<S>) => Promise<R> | R;
}

/** What a handler gets: the database (or the transaction it runs in), the actor and the clock. */
export interface OperationContext<A> {
  db: DbOrTx;
  actor: A;
  now: Date;
  /** Set by adapters that serve a request (the form road); absent for jobs and in-process calls. */
  request?: RequestFacts;
}

/**
 * What the adapter knows about the request that the caller must not be able to state in the
 * input, like the principal: the client's address (for rate limits, as sign-in and the flow
 * completion limit count per address) and the visitor the middleware recognised from its cookie.
 */
export interface RequestFacts {
  clientIp: string;
  visitor: Visitor | null;
}

/** The request facts of a use case that cannot run without them (a programming error if absent). */
export function requestFactsOf(context: { request?: RequestFacts }): RequestFacts {
  if (!context.request) throw new Error('This operation needs the request it serves.');
  return context.request;
}

/** The input a caller sends (before parsing), for typed adapters. */
export type OperationInput<O> = O extends Operation<infer S> ? z.input<S> : never;
/** What an operation returns. */
export type OperationResult<O> =
  O extends Operation<ZodTypeAny, unknown, infer R> ? Awaited<R> : never;

export function defineOperation<S extends ZodTypeAny, A, R, K extends OperationKind>(
  operation: Operation<S, A, R, K>,
): Operation<S, A, R, K> {
  return operation;
}

/** Parses an input with the operation's schema: a BAD_REQUEST with field paths when it fails. */
export function parseOperationInput<S extends ZodTypeAny>(
  operation: { readonly input: S },
  rawInput: unknown,
): z.output<S> {
  return parseInput(operation.input, rawInput) as z.output<S>;
}

/**
 * Runs an operation the one way every adapter does: access first (a visitor gets 401 before
 * the input is read), then the input through the operation's own schema, then the handler.
 */
export async function runOperation<S extends ZodTypeAny, A, R>(
  operation: Operation<S, A, R, OperationKind>,
  context: { db: DbOrTx; principal: Actor | null; now?: Date; request?: RequestFacts },
  rawInput: unknown,
): Promise<Awaited<R>> {
  const actor = operation.access(context.principal);
  const input = parseOperationInput(operation, rawInput);
  return (await operation.handle(
    { db: context.db, actor, now: context.now ?? new Date(), request: context.request },
    input,
  )) as Awaited<R>;
}
