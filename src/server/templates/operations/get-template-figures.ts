import { z } from 'zod';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { getTemplateFigures as figuresOf } from '../../deals/templates';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';

/** For channel managers: how deals built on each template fare (registered, won, value). */
export const getTemplateFigures = defineOperation({
  name: 'templates.stats',
  kind: 'query',
  input: z.void(),
  access: withRole(CHANNEL_ROLES),
  handle: ({ db, actor }) => figuresOf(db, actor),
});
