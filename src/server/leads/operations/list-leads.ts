import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { INBOX_ROLES, inboxFilterInput, listInbox } from '../inbox';

/** One page of the leads inbox, by status, persona and search; for admins and channel managers. */
export const listLeads = defineOperation({
  name: 'leads.list',
  kind: 'query',
  input: inboxFilterInput,
  access: withRole(INBOX_ROLES),
  handle: ({ db, actor, now }, filter) => listInbox(db, actor, filter, now),
});
