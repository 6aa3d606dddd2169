import { z } from 'zod';
import { dealIdField, reasonField } from '../../../lib/deals/schema';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { decideExtension as decide } from '../actions';
import { toDealView } from '../view';

/** A channel manager approves or denies a waiting extension request. */
export const decideExtension = defineOperation({
  name: 'review.decideExtension',
  kind: 'mutation',
  input: z
    .object({
      id: dealIdField,
      approve: z.boolean({ message: 'approve must be true or false.' }),
      reason: reasonField,
    })
    .strict(),
  access: withRole(CHANNEL_ROLES),
  handle: async ({ db, actor, now }, { id, approve, reason }) =>
    toDealView(await decide(db, actor, id, approve, reason, now)),
});
