import { z } from 'zod';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getPartnerApplication } from '../review';
import { applicationIdField } from './application-id';

/** One application with the others from its domain and its audit trail; an unknown id is a 404. */
export const getApplication = defineOperation({
  name: 'review.application',
  kind: 'query',
  input: z.object({ id: applicationIdField }).strict(),
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor }, { id }) => getPartnerApplication(db, actor, id),
});
