import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { INBOX_ROLES, recordLeadResponse as markFirstResponse, responseInput } from '../inbox';

/**
 * The first response to a lead: how (one of the response channels) and an optional note under
 * 2,000 characters. Only the first counts (a second is a 409), so the clock cannot be reset.
 */
export const recordLeadResponse = defineOperation({
  name: 'leads.recordResponse',
  kind: 'mutation',
  input: responseInput,
  access: withRole(INBOX_ROLES),
  handle: ({ db, actor, now }, input) => markFirstResponse(db, actor, input, now),
});
