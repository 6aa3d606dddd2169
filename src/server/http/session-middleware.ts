import { defineMiddleware } from 'astro:middleware';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import { sessionForToken } from '../auth/request-session';
import { getDb } from '../db';

/** Resolves the session cookie into `locals.user` and `locals.session`, renewing it when due. */
export const session = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  if (context.isPrerendered) return next();
  const token = readSessionCookie(context.cookies);
  const result = await sessionForToken(getDb(), token);
  context.locals.user = result.user;
  context.locals.session = result.session;
  if (result.cookie === 'renew' && token && result.session)
    setSessionCookie(context.cookies, token, result.session.expiresAt);
  if (result.cookie === 'clear') clearSessionCookie(context.cookies);
  return next();
});
