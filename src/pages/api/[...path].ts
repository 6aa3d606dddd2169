import type { APIRoute } from 'astro';
import { apiNotFound } from '../../server/http/api-routes';

/** Unknown API paths answer in JSON under `astro dev` too (the edge answers them in production). */
export const ALL: APIRoute = ({ url }) => apiNotFound(url.pathname);
