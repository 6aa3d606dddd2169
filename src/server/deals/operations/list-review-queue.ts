import { dealListParams } from '../../../lib/deals/list-params';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listReviewQueue as queueOf } from '../review';

/** Every partner's deals waiting for a decision by default, soonest deadline first. */
export const listReviewQueue = defineOperation({
  name: 'review.queue',
  kind: 'query',
  input: dealListParams,
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor, now }, input) => queueOf(db, actor, input, now),
});
