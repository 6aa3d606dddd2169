import { z } from 'zod';
import { dealIdField, reasonField } from '../../../lib/deals/schema';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { decideDeal as decide } from '../actions';
import { toDealView } from '../view';

export const decisionField = z.enum(['approve', 'return', 'reject'], {
  message: 'The decision is approve, return or reject.',
});

/** Approve, return (needs information) or reject; the state machine says when a reason is needed. */
export const decideDeal = defineOperation({
  name: 'review.decide',
  kind: 'mutation',
  input: z.object({ id: dealIdField, decision: decisionField, reason: reasonField }).strict(),
  access: withRole(CHANNEL_ROLES),
  handle: async ({ db, actor, now }, { id, decision, reason }) =>
    toDealView(await decide(db, actor, id, decision, reason, now)),
});
