import { z } from 'zod';
import { dealIdField, reasonField } from '../../../lib/deals/schema';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { bulkDecideDeals } from '../actions';
import { decisionField } from './decide-deal';

/** The same decision for up to 100 deals; one that cannot be decided is reported, not fatal. */
export const decideDeals = defineOperation({
  name: 'review.bulkDecide',
  kind: 'mutation',
  input: z
    .object({
      ids: z
        .array(dealIdField)
        .min(1, 'Select at least one deal.')
        .max(100, 'Select at most 100 deals at a time.'),
      decision: decisionField,
      reason: reasonField,
    })
    .strict(),
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor, now }, { ids, decision, reason }) =>
    bulkDecideDeals(db, actor, ids, decision, reason, now),
});
