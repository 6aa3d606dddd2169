import type { APIRoute } from 'astro';
import { buildOpenApiDocument } from '../../../server/partner-api/openapi';

/** The OpenAPI 3.1 document, public (no key needed to read the reference). */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildOpenApiDocument(), null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    },
  });
