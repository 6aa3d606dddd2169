import { z } from 'zod';
import { dealIdField, reasonField } from '../../../lib/deals/schema';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { toDealView } from '../view';
import { markDealOutcome } from '../actions';

export const outcomeField = z.enum(['won', 'lost'], {
  message: 'The outcome is won or lost.',
});

/** Won or lost, by the partner or a channel manager; the state machine says when a reason is needed. */
export const recordOutcome = defineOperation({
  name: 'deals.markOutcome',
  kind: 'mutation',
  input: z.object({ id: dealIdField, outcome: outcomeField, reason: reasonField }).strict(),
  access: withRole(AREA_ROLES.portal),
  handle: async ({ db, actor, now }, { id, outcome, reason }) =>
    toDealView(await markDealOutcome(db, actor, id, outcome, reason, now)),
});
