// The operation files one by one, not the index: `leads.get` reads the sales team from content/,
// and the router must load outside Vite too (see the note in leads/inbox.ts).
import { listLeads } from '../../leads/operations/list-leads';
import { recordLeadResponse } from '../../leads/operations/record-lead-response';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** The leads inbox over tRPC, for CRMs and scripts: the same use cases as /leads. */
export const leadsRouter = router({
  list: procedureFor(listLeads),
  recordResponse: procedureFor(recordLeadResponse),
});
