/** Every leads-inbox use case, for the adapters and the tests that drive them on every road. */
export { getLead } from './get-lead';
export { listLeads } from './list-leads';
export { recordLeadResponse } from './record-lead-response';
