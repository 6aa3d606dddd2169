import { z } from 'zod';
import { dealIdField, dealInput, dealPatch } from '../../../lib/deals/schema';
import { AppError } from '../../errors';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { toDealView } from '../view';
import { zodIssues } from '../../validation';
import { loadDealFor } from '../actions';
import { updateDeal as editDeal } from '../register';
import { inputOfRow } from '../deal-columns';

export const updateDealInput = z
  .object({
    id: dealIdField,
    version: z
      .number({ invalid_type_error: 'version must be a number.' })
      .int()
      .positive()
      .optional()
      .describe('The version you read; a stale edit is refused with 409.'),
    submit: z
      .boolean({ invalid_type_error: 'submit must be true or false.' })
      .optional()
      .describe('Resubmit for review in the same step.'),
    deal: dealPatch,
  })
  .strict();

/**
 * Edits a draft or returned deal. Fields left out keep their values (the portal sends them all);
 * the result is checked as a whole, by the same rules as registration.
 */
export const updateDeal = defineOperation({
  name: 'deals.update',
  kind: 'mutation',
  input: updateDealInput,
  access: partnerMember,
  handle: async ({ db, actor, now }, { id, version, submit, deal: patch }) => {
    const current = await loadDealFor(db, actor.user, id);
    const merged = dealInput.safeParse({ ...inputOfRow(current), ...patch });
    if (!merged.success) {
      throw new AppError('BAD_REQUEST', 'Some fields need attention.', {
        issues: zodIssues(merged.error).map((i) => ({ ...i, path: `deal.${i.path}` })),
      });
    }
    return toDealView(
      await editDeal(
        db,
        actor.user,
        id,
        merged.data,
        { submit: submit ?? false, ...(version ? { expectedVersion: version } : {}) },
        now,
      ),
    );
  },
});
