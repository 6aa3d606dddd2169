import { apiEndpoint, methodNotAllowed } from '../../../../server/partner-api/handler';

/** GET /api/v1/deals/{id}. */
export const GET = apiEndpoint('getDeal');
export const ALL = methodNotAllowed(['GET']);
