import { apiEndpoint, methodNotAllowed } from '../../../../server/partner-api/handler';

/** POST /api/v1/conflicts/check. */
export const POST = apiEndpoint('checkConflicts');
export const ALL = methodNotAllowed(['POST']);
