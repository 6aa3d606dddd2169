import { z } from 'zod';

/**
 * Single-line text, trimmed, with a length limit and messages a person can act on. Pure, so
 * the deal schema (shared with the browser) and the server's own schemas use the same one.
 */
export function textField(label: string, max: number, min = 1) {
  return z
    .string({
      required_error: `${label} is required.`,
      invalid_type_error: `${label} must be text.`,
    })
    .trim()
    .min(min, min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`)
    .max(max, `${label} can be at most ${max} characters.`);
}
