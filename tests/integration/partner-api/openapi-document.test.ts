import { createConfig, lintFromString } from '@redocly/openapi-core';
import Ajv2020 from 'ajv/dist/2020';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../../helpers/http';

/**
 * The published document, judged by tools nobody here wrote: Redocly's recommended lint, Ajv
 * for JSON Schema 2020-12 (what OpenAPI 3.1 schemas are), and openapi-typescript's types.
 */
let document: Record<string, any>;
beforeAll(async () => {
  document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as Record<
    string,
    any
  >;
});

/** Every schema object in the document, with where it is. */
function schemasIn(node: unknown, at = '#'): { at: string; schema: object }[] {
  if (typeof node !== 'object' || node === null) return [];
  const out: { at: string; schema: object }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' && typeof value === 'object' && value !== null && !('$ref' in value)) {
      out.push({ at: `${at}/schema`, schema: value });
    } else out.push(...schemasIn(value, `${at}/${key}`));
  }
  return out;
}

describe('/api/v1/openapi.json', () => {
  it('has no problem in Redocly’s recommended lint, not even a warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: '/openapi.json',
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    ).toEqual([]);
  });

  it('every schema in it compiles with Ajv 2020 in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false, validateFormats: false });
    ajv.addKeyword('example');
    const all = [
      ...schemasIn(document.paths, '#/paths'),
      ...schemasIn(document.webhooks, '#/webhooks'),
      ...Object.entries(document.components.schemas).map(([name, schema]) => ({
        at: `#/components/schemas/${name}`,
        schema: schema as object,
      })),
    ];
    expect(all.length).toBeGreaterThan(20);
    const failures = all.flatMap(({ at, schema }) => {
      try {
        ajv.compile(schema);
        return [];
      } catch (error) {
        return [`${at}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('types optional and nullable fields as what they are, never unknown', async () => {
    const types = astToString(await openapiTS(document as never));
    // A named field typed unknown (response-header index signatures are openapi-typescript's own).
    expect(types).not.toMatch(/^\s+"?[\w.-]+"?\??: unknown;/m);
    expect(types).toMatch(/externalId\??: string \| null/);
    expect(types).toMatch(/roiScenarioId\??: string \| null/);
  });

  it('documents every webhook, ping included, with an operationId and a payload schema', () => {
    const events = Object.keys(document.webhooks);
    expect(events).toContain('ping');
    expect(events).toContain('deal.approved');
    for (const event of events) {
      const post = document.webhooks[event].post;
      expect(post.operationId).toMatch(/^webhook_/);
      const schema = post.requestBody.content['application/json'].schema;
      expect(schema.properties.type.const).toBe(event);
      expect(schema.required).toEqual(expect.arrayContaining(['id', 'type', 'createdAt', 'data']));
    }
  });

  it('names its licence and a server that is right on any host', () => {
    expect(document.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(document.servers).toEqual([{ url: '/api/v1', description: 'This server' }]);
  });
});
