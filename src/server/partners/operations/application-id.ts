import { z } from 'zod';

/** An application id as the review page and `review.*Application` send it. */
export const applicationIdField = z
  .string({
    required_error: 'Application id is required.',
    invalid_type_error: 'Application id must be text.',
  })
  .trim()
  .min(1, 'Application id is required.')
  .max(40, 'That is not an application id.');
