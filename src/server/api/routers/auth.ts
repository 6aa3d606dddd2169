import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  /** The signed-in user with their partner company, or null for a visitor. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.user) return null;
    const { id, email, name, role, partner } = ctx.user;
    return { id, email, name, role, partner };
  }),
});
