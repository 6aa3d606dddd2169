import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { resetPassword as setPasswordFromLink } from '../password-reset';
import { newPasswordSchema } from '../password-schema';

export const resetPasswordInput = z
  .object({ token: z.string().max(200, 'This reset link is not valid.') })
  .and(newPasswordSchema);

/**
 * Sets a new password from a reset link, once, and signs the user out everywhere. An unknown,
 * used or expired link is NOT_FOUND.
 */
export const resetPassword = defineOperation({
  name: 'users.resetPassword',
  kind: 'mutation',
  input: resetPasswordInput,
  access: anyone,
  handle: ({ db, now }, { token, password }) => setPasswordFromLink(db, token, password, now),
});
