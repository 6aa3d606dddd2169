import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';

/** The signed-in user with their partner company, or null for a visitor. */
export const getCurrentUser = defineOperation({
  name: 'auth.me',
  kind: 'query',
  input: z.void(),
  access: anyone,
  handle: ({ actor }) => {
    if (!actor) return null;
    // Exactly these fields: an API key's details or anything added to the actor stay out.
    const { id, email, name, role, partner } = actor;
    return { id, email, name, role, partner };
  },
});
