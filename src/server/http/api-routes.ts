import { buildOpenApiDocument } from '../partner-api/openapi';
import { apiEndpoint, methodNotAllowed, type ApiRequest } from './partner-api-handler';
import { OPERATIONS, type Operation, type OperationId } from '../partner-api/routes';
import { safeDecode } from './request-policy';
import { jsonError } from './responses';

/** What the edge answers a partner-API path with. */
export type ApiRoute = (context: ApiRequest) => Response | Promise<Response>;

interface CompiledPath {
  pattern: RegExp;
  names: string[];
  byMethod: Map<string, OperationId>;
}

/** `/deals/{id}/submit` → /^\/api\/v1\/deals\/([^/]+)\/submit\/?$/, one per path template. */
function compile(): CompiledPath[] {
  const paths = new Map<string, CompiledPath>();
  for (const [id, op] of Object.entries(OPERATIONS) as [OperationId, Operation][]) {
    let compiled = paths.get(op.path);
    if (!compiled) {
      const names: string[] = [];
      const source = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n) => {
        names.push(n as string);
        return '([^/]+)';
      });
      compiled = { pattern: new RegExp(`^/api/v1${source}/?$`), names, byMethod: new Map() };
      paths.set(op.path, compiled);
    }
    compiled.byMethod.set(op.method, id);
  }
  return [...paths.values()];
}

const COMPILED = compile();
const HANDLERS = new Map(
  (Object.keys(OPERATIONS) as OperationId[]).map((id) => [id, apiEndpoint(id)]),
);

/** The OpenAPI 3.1 document, public (no key needed to read the reference). */
export function openApiDocument(): Response {
  return new Response(JSON.stringify(buildOpenApiDocument(), null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    },
  });
}

/**
 * The partner API's routes, from the operation list itself (routes.ts), so a new operation is
 * served, documented and validated from one entry. Returns the route and the path parameters;
 * a known path with another method answers 405 with Allow, an unknown one 404, both in JSON.
 */
export function matchPartnerApi(
  method: string,
  pathname: string,
): { route: ApiRoute; params: Record<string, string> } {
  if (pathname === '/api/v1/openapi.json' || pathname === '/api/v1/openapi.json/') {
    return {
      route: method === 'GET' || method === 'HEAD' ? openApiDocument : methodNotAllowed(['GET']),
      params: {},
    };
  }
  for (const path of COMPILED) {
    const match = path.pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(
      path.names.map((name, i) => [name, safeDecode(match[i + 1] ?? '')]),
    );
    const id = path.byMethod.get(method === 'HEAD' ? 'GET' : method);
    if (!id) return { route: methodNotAllowed([...path.byMethod.keys()]), params };
    return { route: HANDLERS.get(id)!, params };
  }
  return { route: () => apiNotFound(pathname), params: {} };
}

/** Unknown API paths answer in JSON, not with the HTML 404 page. */
export function apiNotFound(pathname: string): Response {
  return jsonError(
    404,
    'NOT_FOUND',
    `There is no API endpoint at ${pathname}. See /docs/api for the partner API.`,
  );
}
