import { getDb } from '../db';
import { AppError } from '../errors';
import { errorResponse, jsonError } from '../http/responses';
import type { ZodTypeAny, z } from 'zod';
import type { FieldIssue } from '../errors';
import { runIdempotent, type ApiResult } from './idempotency';
import { authenticateApiKey } from './keys';
import { hitApiRateLimit, type RateState } from './rate-limit';
import { OPERATIONS, type Operation, type OperationId } from './routes';

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

function rateHeaders(rate: RateState | undefined): Record<string, string> {
  if (!rate) return {};
  return {
    'ratelimit-limit': String(rate.limit),
    'ratelimit-remaining': String(rate.remaining),
    'ratelimit-reset': String(rate.resetSeconds),
  };
}

/** Reads a JSON body: 415 when it is not JSON, 400 when it does not parse. */
async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw Object.assign(new Error('media'), { status: 415 });
  const text = await request.text();
  if (text.trim() === '')
    throw new AppError('BAD_REQUEST', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/**
 * Validates a request part. Unknown fields get their own path ("partnerId": unknown field), so
 * a client sees exactly which key to drop.
 */
function parseApiInput<S extends ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key].join('.'),
          message: 'Unknown field; remove it.',
        }))
      : [{ path: issue.path.join('.'), message: issue.message }],
  );
  throw new AppError('BAD_REQUEST', 'Some fields need attention.', { issues });
}

/** What an operation reads from a request; Astro's APIContext and the edge both provide it. */
export interface ApiRequest {
  request: Request;
  url: URL;
  params: Record<string, string | undefined>;
}

export type ApiHandler = (context: ApiRequest) => Promise<Response>;

async function run(
  op: Operation,
  context: ApiRequest,
  rate: { current?: RateState },
): Promise<Response> {
  const db = getDb();
  const now = new Date();
  const principal = await authenticateApiKey(db, context.request.headers.get('authorization'), now);
  rate.current = await hitApiRateLimit(db, principal.keyId, principal.ratePerMinute, now);
  const params = op.params ? parseApiInput(op.params, context.params) : {};
  const query = op.query ? parseApiInput(op.query, queryObject(context.url)) : {};
  const rawBody = op.method === 'POST' && op.body ? await readJsonBody(context.request) : undefined;
  const body = op.body ? parseApiInput(op.body, rawBody) : undefined;
  const work = async (trx = db): Promise<ApiResult> => ({
    status: op.success.status,
    body: await op.handle({ db: trx, actor: principal.actor, params, query, body, now }),
  });
  const key = context.request.headers.get('idempotency-key');
  const headers: Record<string, string> = { ...JSON_HEADERS, ...rateHeaders(rate.current) };
  let result: ApiResult;
  if (op.method === 'POST' && key !== null) {
    const outcome = await runIdempotent(
      db,
      {
        apiKeyId: principal.keyId,
        key,
        operation: `${op.method} ${context.url.pathname}`,
        body: rawBody,
      },
      (trx) => work(trx as typeof db),
    );
    if (outcome.replayed) headers['idempotent-replayed'] = 'true';
    result = outcome;
  } else {
    result = await work();
  }
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

/**
 * The handler for one partner-API operation (the edge routes to it; so do the Astro files under
 * src/pages/api/v1 for `astro dev`): Bearer key → per-key rate limit → path,
 * query and body validation (400 with field paths) → Idempotency-Key → the service. Every
 * error has the shape `{ "error": { "code", "message", "issues"? } }`.
 */
export function apiEndpoint(operationId: OperationId): ApiHandler {
  const op = OPERATIONS[operationId] as Operation;
  return async (context) => {
    const rate: { current?: RateState } = {};
    try {
      return await run(op, context, rate);
    } catch (error) {
      if ((error as { status?: number }).status === 415) {
        return jsonError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the body as JSON with Content-Type: application/json.',
          { headers: rateHeaders(rate.current) },
        );
      }
      const response = errorResponse(error);
      const limited = (error as { rate?: RateState }).rate;
      for (const [name, value] of Object.entries(rateHeaders(limited ?? rate.current)))
        response.headers.set(name, value);
      if (error instanceof AppError && error.code === 'UNAUTHORIZED')
        response.headers.set('www-authenticate', 'Bearer realm="chasm-partner-api"');
      response.headers.set('cache-control', 'no-store');
      return response;
    }
  };
}

/** Methods a route does not define answer 405 with the ones it does. */
export function methodNotAllowed(allowed: string[]): () => Response {
  return () =>
    jsonError(405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')} on this endpoint.`, {
      headers: { allow: allowed.join(', ') },
    });
}
