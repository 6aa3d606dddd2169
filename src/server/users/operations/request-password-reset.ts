import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { emailField } from '../../validation';
import { requestPasswordReset as sendResetLink } from '../password-reset';

export const requestPasswordResetInput = z.object({ email: emailField });

/**
 * E-mails a reset link when the address has an active account. The answer is the same either
 * way (the address as understood), so the form does not reveal who has an account.
 */
export const requestPasswordReset = defineOperation({
  name: 'users.requestPasswordReset',
  kind: 'mutation',
  input: requestPasswordResetInput,
  access: anyone,
  handle: async ({ db, now }, { email }) => {
    await sendResetLink(db, email, now);
    return { email };
  },
});
