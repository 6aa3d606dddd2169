import { listAuditLog } from '../../audit/operations/list-audit-log';
import * as deals from '../../deals/operations';
import * as partners from '../../partners/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** The channel manager's side: the deal queue, decisions, applications and the audit log. */
export const reviewRouter = router({
  queue: procedureFor(deals.listReviewQueue),
  startReview: procedureFor(deals.startReview),
  decide: procedureFor(deals.decideDeal),
  bulkDecide: procedureFor(deals.decideDeals),
  decideExtension: procedureFor(deals.decideExtension),

  applications: procedureFor(partners.listApplications),
  application: procedureFor(partners.getApplication),
  /** Creates the partner company at the tier and invites the applicant as partner admin. */
  approveApplication: procedureFor(partners.approveApplication),
  rejectApplication: procedureFor(partners.rejectApplication),

  /** The append-only audit log, newest first (keyset pagination). */
  audit: procedureFor(listAuditLog),
});
