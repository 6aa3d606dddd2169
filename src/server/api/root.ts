import { authRouter } from './routers/auth';
import { teamRouter } from './routers/team';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
