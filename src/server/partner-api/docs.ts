import { ERROR_CODES } from './schemas';
import { jsonSchemaOf } from './openapi';
import { OPERATIONS, type Operation } from './routes';

type Schema = Record<string, unknown>;

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) {
    const values = (schema.enum as unknown[]).map((v) => JSON.stringify(v));
    if (values.length <= 24) return values.join(' | ');
    return `string: one of ${values.length} codes (${values.slice(0, 3).join(', ')}, …)`;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const list = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (list) return [...new Set(list.map(typeOf))].join(' | ');
  const type = schema.type;
  const base = Array.isArray(type) ? type.join(' | ') : String(type ?? 'any');
  if (type === 'array' && schema.items) {
    const item = typeOf(schema.items as Schema);
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  return base;
}

/** A JSON schema as rows of dotted field names, for reading (nested objects and lists expanded). */
export function fieldRows(schema: Schema, prefix = '', depth = 0): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const full = `${prefix}${name}`;
    const isList = property.type === 'array' && (property.items as Schema | undefined)?.properties;
    const inner = isList ? (property.items as Schema) : property;
    rows.push({
      name: full,
      type: isList ? 'object[]' : inner.properties ? 'object' : typeOf(property),
      required: required.has(name),
      description: String(property.description ?? ''),
    });
    if (inner.properties && depth < 3)
      rows.push(...fieldRows(inner, `${full}${isList ? '[].' : '.'}`, depth + 1));
  }
  return rows;
}

export interface OperationDoc {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  params: FieldRow[];
  body: FieldRow[];
  response: FieldRow[];
  successStatus: number;
  errors: number[];
}

/** Every operation for /docs/api, from the same schemas as the OpenAPI document. */
export function operationDocs(): OperationDoc[] {
  return (Object.values(OPERATIONS) as Operation[]).map((op) => ({
    id: op.operationId,
    method: op.method,
    path: `/api/v1${op.path}`,
    summary: op.summary,
    description: op.description,
    params: [
      ...(op.params ? fieldRows(jsonSchemaOf(op.params)) : []),
      ...(op.query ? fieldRows(jsonSchemaOf(op.query)) : []),
    ],
    body: op.body ? fieldRows(jsonSchemaOf(op.body)) : [],
    response: fieldRows(jsonSchemaOf(op.success.schema)),
    successStatus: op.success.status,
    errors: [...new Set([...op.errors, 401, 429])].sort(),
  }));
}

export { ERROR_CODES };

/** Text with `code` spans, split for rendering (descriptions use backticks like Markdown). */
export function codeSpans(text: string): { text: string; isCode: boolean }[] {
  return text
    .split('`')
    .map((part, i) => ({ text: part, isCode: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}
