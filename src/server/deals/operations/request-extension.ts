import { z } from 'zod';
import { dealIdField, reasonField } from '../../../lib/deals/schema';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { toDealView } from '../view';
import { requestExtension as askForExtension } from '../actions';

/** The one extension request of an approved deal's protection window. */
export const requestExtension = defineOperation({
  name: 'deals.requestExtension',
  kind: 'mutation',
  input: z.object({ id: dealIdField, reason: reasonField }).strict(),
  access: partnerMember,
  handle: async ({ db, actor, now }, { id, reason }) =>
    toDealView(await askForExtension(db, actor.user, id, reason, now)),
});
