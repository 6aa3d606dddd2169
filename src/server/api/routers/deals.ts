import * as deals from '../../deals/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** Deal registration for partners; reading (list, get, dashboard) also for channel managers. */
export const dealsRouter = router({
  list: procedureFor(deals.listDeals),
  get: procedureFor(deals.getDeal),
  dashboard: procedureFor(deals.getDashboard),
  checkConflicts: procedureFor(deals.checkConflicts),
  create: procedureFor(deals.createDeal),
  update: procedureFor(deals.updateDeal),
  submit: procedureFor(deals.submitDeal),
  requestExtension: procedureFor(deals.requestExtension),
  markOutcome: procedureFor(deals.recordOutcome),
  comment: procedureFor(deals.addComment),
  timeline: procedureFor(deals.listTimeline),
});
