import * as analytics from '../../analytics/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** Funnels the analytics readers define, the same use cases as /analytics/funnels. */
export const analyticsRouter = router({
  funnels: procedureFor(analytics.listFunnels),
  saveFunnel: procedureFor(analytics.saveFunnel),
  deleteFunnel: procedureFor(analytics.deleteFunnel),
});
