import type { ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_DESCRIPTIONS } from '../../lib/deals/webhook-events';
import { FIELD_DOCS } from './field-docs';
import { OPERATIONS, type Operation } from './routes';
import { dealWebhookSchema, errorSchema, pingWebhookSchema } from './schemas';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

/** JSON Schema (2019-09, which OpenAPI 3.1 accepts) for a Zod schema, inlined, with field docs. */
export function jsonSchemaOf(schema: ZodTypeAny): JsonSchema {
  const out = zodToJsonSchema(schema, {
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
  }) as JsonSchema;
  delete out.$schema;
  return describeFields(tidy(out));
}

const isNever = (schema: unknown) =>
  typeof schema === 'object' &&
  schema !== null &&
  Object.keys(schema).length === 1 &&
  JSON.stringify((schema as JsonSchema).not) === '{}';

/**
 * What zod-to-json-schema writes that strict tools refuse or mistype, rewritten to plain
 * JSON Schema 2020-12 as OpenAPI 3.1 reads it: boolean `exclusiveMinimum` (a 3.0 habit) becomes
 * the number, and the `{ not: {} }` branch Zod's `.nullish()` and `.transform()` leave in an
 * `anyOf` (which made generated clients type the field `unknown`) is dropped.
 */
function tidy(schema: JsonSchema): JsonSchema {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else if (schema[flag] === false) delete schema[flag];
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const kept = (list as JsonSchema[]).filter((item) => !isNever(item)).map(tidy);
    if (kept.length === 1) {
      delete schema[key];
      Object.assign(schema, kept[0]);
    } else schema[key] = kept;
  }
  if (Array.isArray(schema.allOf)) schema.allOf = (schema.allOf as JsonSchema[]).map(tidy);
  if (schema.properties) for (const property of Object.values(schema.properties)) tidy(property);
  if (schema.items) tidy(schema.items);
  if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null)
    tidy(schema.additionalProperties as JsonSchema);
  return schema;
}

function describeFields(schema: JsonSchema): JsonSchema {
  if (schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!property.description && FIELD_DOCS[name]) property.description = FIELD_DOCS[name];
      describeFields(property);
    }
  }
  if (schema.items) describeFields(schema.items);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list as JsonSchema[]) describeFields(item);
  }
  return schema;
}

const PING_DESCRIPTION =
  'A test event, sent when a partner admin presses "Send test event" on an endpoint in the portal; every active endpoint takes it.';

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Invalid input: bad JSON, unknown or missing fields, values out of range. `issues` lists field paths.',
  401: 'Missing, invalid, revoked or expired API key.',
  403: 'A browser request from another site, or a form-encoded POST (send JSON): refused before the API runs.',
  404: 'No such deal in your company (another company’s id is a 404 too).',
  409: 'Conflicts with the current state: a duplicate of your own open deal, a used `externalId`, a deal that cannot be submitted now, or a request with the same Idempotency-Key still running.',
  413: 'The body is larger than 1 MB.',
  415: 'The body is not `application/json`.',
  422: 'The Idempotency-Key was used before with a different request.',
  429: 'Over the per-key rate limit; wait `Retry-After` seconds.',
  500: 'Something failed on our side; retry with the same Idempotency-Key.',
};

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
const rateHeaders = {
  'RateLimit-Limit': {
    description: 'Requests allowed per minute for this key.',
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current minute.',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets.',
    schema: { type: 'integer' },
  },
};

function parametersOf(op: Operation) {
  const out: Record<string, unknown>[] = [];
  for (const [location, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchemaOf(schema);
    const required = (json.required as string[] | undefined) ?? [];
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: location,
        required: location === 'path' || required.includes(name),
        description,
        schema: rest,
      });
    }
  }
  if (op.method !== 'GET') out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return out;
}

function operationObject(op: Operation) {
  const statuses = [
    ...new Set([...op.errors, 401, ...(op.method !== 'GET' ? [403, 413] : []), 429, 500]),
  ].sort();
  const responses: Record<string, unknown> = {
    [op.success.status]: {
      description: op.success.description,
      headers: rateHeaders,
      content: { 'application/json': { schema: jsonSchemaOf(op.success.schema) } },
    },
  };
  for (const status of statuses) {
    responses[status] = {
      description: STANDARD_ERRORS[status] ?? 'Error.',
      content: errorContent,
      ...(status === 429
        ? {
            headers: {
              'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
            },
          }
        : {}),
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    parameters: parametersOf(op),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(op.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for /api/v1, generated from the operations and their Zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relay partner API',
      version: '1.0.0',
      description:
        'Register and follow deals from your CRM. Authenticate with `Authorization: Bearer <key>` (partner admins create keys in the portal). Human-readable reference: /docs/api.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative to this document, so it is right on every host the server answers for.
    servers: [{ url: '/api/v1', description: 'This server' }],
    security: [{ bearerAuth: [] }],
    paths,
    webhooks: Object.fromEntries(
      [...WEBHOOK_EVENTS, 'ping' as const].map((event) => [
        event,
        {
          post: {
            operationId: `webhook_${event.replace(/\W/g, '_')}`,
            summary: event,
            description: `${event === 'ping' ? PING_DESCRIPTION : WEBHOOK_EVENT_DESCRIPTIONS[event]} Signed: see /docs/api#webhooks.`,
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: jsonSchemaOf(
                    event === 'ping' ? pingWebhookSchema : dealWebhookSchema(event),
                  ),
                },
              },
            },
            responses: {
              '2XX': {
                description: 'Received. Anything else is retried with exponential backoff.',
              },
            },
          },
        },
      ]),
    ),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A partner API key: chasm_<prefix>_<secret>.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Any unique string (a UUID). The same key and body within 24 hours replay the first response (`Idempotent-Replayed: true`); the same key with another body is 422.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      schemas: { Error: jsonSchemaOf(errorSchema) },
    },
  };
}
