import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { saveFunnel as insertFunnel, savedFunnelInput } from '../saved-funnels';

/**
 * Defines a funnel from the dashboard: a name, a window of 1 to 90 days and two to eight
 * ordered steps. Its history is backfilled from the raw events by a job, then rolled up live.
 */
export const saveFunnel = defineOperation({
  name: 'analytics.saveFunnel',
  kind: 'mutation',
  input: savedFunnelInput,
  access: withRole(AREA_ROLES.analytics),
  handle: ({ db, actor, now }, input) => insertFunnel(db, actor, input, now),
});
