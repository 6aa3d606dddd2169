import * as users from '../../users/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/**
 * Who is signed in. Signing in and out are form posts only (`/login`, `/logout`): they set and
 * clear the HttpOnly session cookie, which a tRPC answer does not carry.
 */
export const authRouter = router({
  me: procedureFor(users.getCurrentUser),
});
