import { apiEndpoint, methodNotAllowed } from '../../../../../server/partner-api/handler';

/** POST /api/v1/deals/{id}/submit. */
export const POST = apiEndpoint('submitDeal');
export const ALL = methodNotAllowed(['POST']);
