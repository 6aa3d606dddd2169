import { z } from 'zod';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getLeadForInbox } from '../details';
import { INBOX_ROLES } from '../inbox';

export const leadIdInput = z.object({ id: z.string().trim().min(1).max(40) }).strict();

/** A lead with its sales owner and campaign enrolments; an unknown id is a 404. */
export const getLead = defineOperation({
  name: 'leads.get',
  kind: 'query',
  input: leadIdInput,
  access: withRole(INBOX_ROLES),
  handle: ({ db, actor }, { id }) => getLeadForInbox(db, actor, id),
});
