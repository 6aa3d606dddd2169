import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { startReview as takeIntoReview } from '../actions';
import { toDealView } from '../view';
import { dealIdInput } from './get-deal';

/** A channel manager takes a submitted deal into review. */
export const startReview = defineOperation({
  name: 'review.startReview',
  kind: 'mutation',
  input: dealIdInput,
  access: withRole(CHANNEL_ROLES),
  handle: async ({ db, actor, now }, { id }) =>
    toDealView(await takeIntoReview(db, actor, id, now)),
});
