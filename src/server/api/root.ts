import { authRouter } from './routers/auth';
import { leadsRouter } from './routers/leads';
import { teamRouter } from './routers/team';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  team: teamRouter,
  leads: leadsRouter,
});

export type AppRouter = typeof appRouter;
