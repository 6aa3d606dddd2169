import { z } from 'zod';
import { SOLUTION_SLUGS } from '../../../lib/catalog';
import { AREA_ROLES } from '../../auth/permissions';
import { findTemplate } from '../../content/templates';
import { AppError } from '../../errors';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';

/** One solution template by its slug. */
export const getTemplate = defineOperation({
  name: 'templates.get',
  kind: 'query',
  input: z
    .object({
      slug: z.enum(SOLUTION_SLUGS, { message: 'There is no solution template with that name.' }),
    })
    .strict(),
  access: withRole(AREA_ROLES.portal),
  handle: (_context, { slug }) => {
    const template = findTemplate(slug);
    if (!template) throw new AppError('NOT_FOUND', 'There is no solution template with that name.');
    return template;
  },
});
