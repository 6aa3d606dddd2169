import { z } from 'zod';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getDashboard as dashboardOf } from '../dashboard';

/** The portal dashboard: stages and value, expiring soon, action required. */
export const getDashboard = defineOperation({
  name: 'deals.dashboard',
  kind: 'query',
  input: z.void(),
  access: withRole(AREA_ROLES.portal),
  handle: ({ db, actor }) => dashboardOf(db, actor),
});
