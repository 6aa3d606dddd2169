import { z } from 'zod';
import { listTemplates as allTemplates } from '../../content/templates';
import { AREA_ROLES } from '../../auth/permissions';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';

/** Every solution template (blueprint) with its version, products, phases and bill of materials. */
export const listTemplates = defineOperation({
  name: 'templates.list',
  kind: 'query',
  input: z.void(),
  access: withRole(AREA_ROLES.portal),
  handle: () => allTemplates(),
});
