/** Every API-key use case of the portal, for the adapters and the tests. */
export { createApiKey } from './create-api-key';
export { listApiKeys } from './list-api-keys';
export { revokeApiKey } from './revoke-api-key';
