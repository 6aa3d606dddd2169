import { z } from 'zod';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listFunnels as listAll } from '../service';

/** Every funnel the dashboard reports on: those from content, then those saved in the UI. */
export const listFunnels = defineOperation({
  name: 'analytics.funnels',
  kind: 'query',
  // No input: `undefined` as tRPC sends it, or an empty object.
  input: z.object({}).strict().optional(),
  access: withRole(AREA_ROLES.analytics),
  handle: ({ db, actor }) => listAll(db, actor),
});
