import { z } from 'zod';
import { dealInput } from '../../../lib/deals/schema';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { toDealView } from '../view';
import { createDeal as registerDeal } from '../register';

export const createDealInput = dealInput
  .extend({
    submit: z
      .boolean({ invalid_type_error: 'submit must be true or false.' })
      .optional()
      .describe('Submit for review at once (default false: the deal is saved as a draft).'),
  })
  .strict();

/**
 * Registers a deal for the actor's company, as a draft or submitted at once. A duplicate of the
 * company's own open deal is refused (409); other partners' registrations flag it for review.
 */
export const createDeal = defineOperation({
  name: 'deals.create',
  kind: 'mutation',
  input: createDealInput,
  access: partnerMember,
  handle: async ({ db, actor, now }, { submit, ...deal }) =>
    toDealView(await registerDeal(db, actor.user, deal, { submit: submit ?? false }, now)),
});
