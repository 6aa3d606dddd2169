/** Every deal use case, for the adapters and the three-roads test. */
export { addComment } from './add-comment';
export { checkConflicts } from './check-conflicts';
export { createDeal } from './create-deal';
export { decideDeal } from './decide-deal';
export { decideDeals } from './decide-deals';
export { decideExtension } from './decide-extension';
export { getDashboard } from './get-dashboard';
export { getDeal } from './get-deal';
export { listDeals } from './list-deals';
export { listDealsByCursor } from './list-deals-by-cursor';
export { listReviewQueue } from './list-review-queue';
export { listTimeline } from './list-timeline';
export { recordOutcome } from './record-outcome';
export { requestExtension } from './request-extension';
export { startReview } from './start-review';
export { submitDeal } from './submit-deal';
export { updateDeal } from './update-deal';
