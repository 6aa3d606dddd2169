import type { DbOrTx } from '../db';
import { validateSessionToken, type SessionUser, type ValidSession } from './session';

export interface RequestSession {
  user: SessionUser | null;
  session: ValidSession | null;
  /** What the response must do with the cookie: nothing, renew it, or clear a dead one. */
  cookie: 'keep' | 'renew' | 'clear';
}

/**
 * The session for a request's cookie token: one function for Astro's pages (session
 * middleware) and the edge's hot paths (tRPC), so both sign a request in the same way.
 */
export async function sessionForToken(
  db: DbOrTx,
  token: string | undefined,
): Promise<RequestSession> {
  if (!token) return { user: null, session: null, cookie: 'keep' };
  const result = await validateSessionToken(db, token);
  if (!result) return { user: null, session: null, cookie: 'clear' };
  return {
    user: result.user,
    session: result.session,
    cookie: result.session.renewed ? 'renew' : 'keep',
  };
}
