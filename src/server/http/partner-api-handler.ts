import { getDb } from '../db';
import { AppError } from '../errors';
import { errorResponse, jsonError } from './responses';
import { parseInput } from '../validation';
import { runIdempotent, type ApiResult } from '../partner-api/idempotency';
import { authenticateApiKey } from '../partner-api/keys';
import { hitApiRateLimit, type RateState } from '../partner-api/rate-limit';
import { parseOperationInput } from '../operations/operation';
import { OPERATIONS, type Operation, type OperationId } from '../partner-api/routes';

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
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON with Content-Type: application/json.',
    );
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
  const actor = op.operation.access(principal.actor);
  const params = op.params ? parseInput(op.params, context.params) : {};
  const query = op.query ? parseInput(op.query, queryObject(context.url)) : {};
  const hasBody = op.method !== 'GET' && op.body !== undefined;
  const rawBody = hasBody ? await readJsonBody(context.request) : undefined;
  const body = op.body ? parseInput(op.body, rawBody) : undefined;
  // The parts were checked by pieces of the use case's own schema; the assembled input is
  // checked by the whole of it, so a rule on one road is a rule on all of them.
  const input = parseOperationInput(op.operation, op.toInput({ params, query, body }));
  const work = async (trx = db): Promise<ApiResult> => {
    const result = await op.operation.handle({ db: trx, actor, now }, input);
    return {
      status: op.success.status,
      body: op.respond ? await op.respond(result, trx) : result,
    };
  };
  const key = context.request.headers.get('idempotency-key');
  const headers: Record<string, string> = { ...JSON_HEADERS, ...rateHeaders(rate.current) };
  let result: ApiResult;
  if (op.method !== 'GET' && key !== null) {
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
      const response = errorResponse(renamedIssues(op, error));
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

/** A PATCH body is the deal itself, so its issues drop the use case's `deal.` prefix. */
function renamedIssues(op: Operation, error: unknown): unknown {
  if (!(error instanceof AppError) || !error.issues || !op.issuePath) return error;
  const rename = op.issuePath;
  return new AppError(error.code, error.message, {
    issues: error.issues.map((i) => ({ ...i, path: rename(i.path) })),
    ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  });
}

/** Methods a route does not define answer 405 with the ones it does. */
export function methodNotAllowed(allowed: string[]): () => Response {
  return () =>
    jsonError(405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')} on this endpoint.`, {
      headers: { allow: allowed.join(', ') },
    });
}
