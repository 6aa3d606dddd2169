import type { APIRoute } from 'astro';
import { matchPartnerApi } from '../../../server/http/api-routes';

/**
 * The partner API under `astro dev`, routed from the same operation list the edge server uses
 * (in production the edge answers /api/v1 before Astro sees it).
 */
export const ALL: APIRoute = ({ request, url }) => {
  const { route, params } = matchPartnerApi(request.method, url.pathname);
  return route({ request, url, params });
};
