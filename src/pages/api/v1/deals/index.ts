import { apiEndpoint, methodNotAllowed } from '../../../../server/partner-api/handler';

/** GET /api/v1/deals (cursor pagination) and POST /api/v1/deals (register). */
export const GET = apiEndpoint('listDeals');
export const POST = apiEndpoint('createDeal');
export const ALL = methodNotAllowed(['GET', 'POST']);
