import type { APIRoute } from 'astro';
import { jsonError } from '../../server/http/responses';

/** Unknown API paths answer in JSON, not with the HTML 404 page. */
export const ALL: APIRoute = ({ url }) =>
  jsonError(
    404,
    'NOT_FOUND',
    `There is no API endpoint at ${url.pathname}. See /docs/api for the partner API.`,
  );
