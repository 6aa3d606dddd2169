import { dealListParams } from '../../../lib/deals/list-params';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listDeals as listDealsPage } from '../list';

/** My deals (partners) or every partner's (vendor staff), filtered, sorted, paginated. */
export const listDeals = defineOperation({
  name: 'deals.list',
  kind: 'query',
  input: dealListParams,
  access: withRole(AREA_ROLES.portal),
  handle: ({ db, actor }, input) => listDealsPage(db, actor, input),
});
