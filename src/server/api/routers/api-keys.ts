import * as apiKeys from '../../partner-api/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** Partner admins' API keys: the full key is returned once, by `create`. */
export const apiKeysRouter = router({
  list: procedureFor(apiKeys.listApiKeys),
  create: procedureFor(apiKeys.createApiKey),
  revoke: procedureFor(apiKeys.revokeApiKey),
});
