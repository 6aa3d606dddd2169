import { z } from 'zod';
import { commentBodyField, dealIdField } from '../../../lib/deals/schema';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { addDealComment } from '../actions';

/** A comment on the deal's timeline, between partner and channel manager; over 4,000 characters is refused. */
export const addComment = defineOperation({
  name: 'deals.comment',
  kind: 'mutation',
  input: z.object({ id: dealIdField, body: commentBodyField }).strict(),
  access: withRole(AREA_ROLES.portal),
  handle: ({ db, actor, now }, { id, body }) => addDealComment(db, actor, id, body, now),
});
