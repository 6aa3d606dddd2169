import { authRouter } from './routers/auth';
import { leadsRouter } from './routers/leads';
import { roiRouter } from './routers/roi';
import { teamRouter } from './routers/team';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  team: teamRouter,
  leads: leadsRouter,
  roi: roiRouter,
});

export type AppRouter = typeof appRouter;
