import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { toDealView } from '../view';
import { submitDeal as submit } from '../actions';
import { dealIdInput } from './get-deal';

/** Submits a draft, or resubmits a returned deal; the conflict rules run again. */
export const submitDeal = defineOperation({
  name: 'deals.submit',
  kind: 'mutation',
  input: dealIdInput,
  access: partnerMember,
  handle: async ({ db, actor, now }, { id }) => toDealView(await submit(db, actor.user, id, now)),
});
