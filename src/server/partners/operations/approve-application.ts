import { z } from 'zod';
import { TIER_SLUGS } from '../../../lib/content/portal';
import { reasonField } from '../../../lib/deals/schema';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { findTier } from '../../content/tiers';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { approvePartnerApplication, CHOOSE_TIER } from '../review';
import { applicationIdField } from './application-id';

/** A tier the program offers: one of the tiers in content/tiers, nothing else. */
const tierField = z
  .enum(TIER_SLUGS, { errorMap: () => ({ message: CHOOSE_TIER }) })
  .refine((slug) => findTier(slug) !== undefined, CHOOSE_TIER);

export const approveApplicationInput = z
  .object({
    id: applicationIdField,
    tier: tierField,
    // A blank note is no note: the audit trail then records the tier instead.
    note: reasonField.transform((note) => note || undefined),
  })
  .strict();

/**
 * Creates the partner company at the chosen tier and invites the applicant as its partner
 * admin, in one transaction; an application decided meanwhile is a conflict.
 */
export const approveApplication = defineOperation({
  name: 'review.approveApplication',
  kind: 'mutation',
  input: approveApplicationInput,
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor, now }, { id, ...approval }) =>
    approvePartnerApplication(db, actor, id, approval, now),
});
