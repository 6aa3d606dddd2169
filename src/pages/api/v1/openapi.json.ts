import type { APIRoute } from 'astro';
import { openApiDocument } from '../../../server/http/api-routes';

/** The OpenAPI document under `astro dev`; in production the edge answers it (api-routes.ts). */
export const GET: APIRoute = () => openApiDocument();
