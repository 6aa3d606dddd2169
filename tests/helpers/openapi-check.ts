import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { buildOpenApiDocument } from '../../src/server/partner-api/openapi';
import { OPERATIONS, type Operation } from '../../src/server/partner-api/routes';

/**
 * Checks a partner-API answer against what /api/v1/openapi.json promises for it: the status is
 * documented for that operation and the body matches its schema (Ajv, JSON Schema 2020-12, as
 * OpenAPI 3.1 reads it). tests/helpers/api.ts runs it on every response the API tests receive.
 */
const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, any> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function operationFor(method: string, pathname: string): Operation | null {
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    if (op.method !== method) continue;
    const pattern = new RegExp(`^/api/v1${op.path.replace(/\{\w+\}/g, '[^/]+')}/?$`);
    if (pattern.test(pathname)) return op;
  }
  return null;
}

export function checkAgainstDocument(
  method: string,
  pathname: string,
  status: number,
  body: unknown,
): void {
  const op = operationFor(method, pathname);
  if (!op) return; // not an operation of the document (an unknown path, a 405)
  const responses = document.paths[op.path]![op.method.toLowerCase()]!.responses;
  const response = responses[String(status)];
  if (!response) {
    throw new Error(
      `${method} ${pathname} answered ${status}, which the OpenAPI document does not list for ${op.operationId} (it lists ${Object.keys(responses).join(', ')}).`,
    );
  }
  let schema = response.content?.['application/json']?.schema;
  if (!schema) return;
  if (schema.$ref === '#/components/schemas/Error')
    schema = (document as any).components.schemas.Error;
  const key = `${op.operationId} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `${method} ${pathname} ${status}: the body does not match the documented schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
}
