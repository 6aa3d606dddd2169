import { z } from 'zod';
import { invalidateSession, validateSessionToken } from '../../auth/session';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';

export const signOutInput = z.object({
  /** The caller's own session token (the adapter reads it from the cookie); none is fine. */
  sessionToken: z.string().max(200).optional(),
});

/**
 * Ends the session whose token the caller holds. Holding the token is the proof, so a visitor
 * with a stale or no cookie simply gets nothing to end; the adapter clears the cookie either way.
 */
export const signOut = defineOperation({
  name: 'users.signOut',
  kind: 'mutation',
  input: signOutInput,
  access: anyone,
  handle: async ({ db, now }, { sessionToken }) => {
    const valid = sessionToken ? await validateSessionToken(db, sessionToken, now) : null;
    if (valid) await invalidateSession(db, valid.session.id);
    return { hadSession: valid !== null };
  },
});
