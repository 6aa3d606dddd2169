import { z } from 'zod';

/** A webhook endpoint id; another company's is answered like an unknown one (404). */
export const endpointIdField = z
  .string({
    required_error: 'Endpoint id is required.',
    invalid_type_error: 'Endpoint id must be text.',
  })
  .trim()
  .min(1, 'Endpoint id is required.')
  .max(40, 'That is not an endpoint id.');

export const endpointIdInput = z.object({ id: endpointIdField }).strict();
