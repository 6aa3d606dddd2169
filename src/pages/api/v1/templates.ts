import { apiEndpoint, methodNotAllowed } from '../../../server/partner-api/handler';

/** GET /api/v1/templates. */
export const GET = apiEndpoint('listTemplates');
export const ALL = methodNotAllowed(['GET']);
