import type { IncomingMessage } from 'node:http';
import { sessionSetCookieHeader, sessionTokenFromHeader } from './session-cookie';
import { sessionForToken, type RequestSession } from '../auth/request-session';
import { getDb } from '../db';

/**
 * The session of a request the edge answers itself (tRPC, the beacon): the same
 * sessionForToken the pages use, plus the Set-Cookie line that renews or clears it.
 */
export async function edgeSession(
  req: IncomingMessage,
): Promise<{ session: RequestSession; setCookies: string[] }> {
  const token = sessionTokenFromHeader(req.headers.cookie);
  const session = await sessionForToken(getDb(), token);
  const setCookies: string[] = [];
  if (session.cookie === 'renew' && token && session.session)
    setCookies.push(sessionSetCookieHeader(token, session.session.expiresAt));
  if (session.cookie === 'clear') setCookies.push(sessionSetCookieHeader(null));
  return { session, setCookies };
}
