import { analyticsRouter } from './routers/analytics';
import { authRouter } from './routers/auth';
import { leadsRouter } from './routers/leads';
import { roiRouter } from './routers/roi';
import { teamRouter } from './routers/team';
import { apiKeysRouter } from './routers/api-keys';
import { dealsRouter } from './routers/deals';
import { reviewRouter } from './routers/review';
import { templatesRouter } from './routers/templates';
import { webhooksRouter } from './routers/webhooks';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  team: teamRouter,
  leads: leadsRouter,
  roi: roiRouter,
  deals: dealsRouter,
  review: reviewRouter,
  templates: templatesRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;
