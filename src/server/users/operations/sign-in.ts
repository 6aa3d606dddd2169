import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation, requestFactsOf } from '../../operations/operation';
import { emailField, text } from '../../validation';
import { login } from '../login';

export const signInInput = z.object({ email: emailField, password: text('Password', 200) });

/**
 * Signs a user in, counting the attempt against the account and the client's address first
 * (see `login`). Returns the new session's token; the adapter turns it into the cookie.
 */
export const signIn = defineOperation({
  name: 'users.signIn',
  kind: 'mutation',
  input: signInInput,
  access: anyone,
  handle: (context, input) =>
    login(context.db, { ...input, ip: requestFactsOf(context).clientIp }, context.now),
});
