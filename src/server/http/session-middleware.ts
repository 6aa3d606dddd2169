import { defineMiddleware } from 'astro:middleware';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/cookies';
import { validateSessionToken } from '../auth/session';
import { getDb } from '../db';

/** Resolves the session cookie into `locals.user` and `locals.session`, renewing it when due. */
export const session = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  if (context.isPrerendered) return next();
  const token = readSessionCookie(context.cookies);
  if (token) {
    const result = await validateSessionToken(getDb(), token);
    if (result) {
      context.locals.user = result.user;
      context.locals.session = result.session;
      if (result.session.renewed)
        setSessionCookie(context.cookies, token, result.session.expiresAt);
    } else {
      clearSessionCookie(context.cookies);
    }
  }
  return next();
});
