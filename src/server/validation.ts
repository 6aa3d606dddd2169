import { z, type ZodError, type ZodTypeAny } from 'zod';
import { textField } from '../lib/forms/text-field';
import { AppError, type FieldIssue } from './errors';

/**
 * Zod issues as field paths and messages, the one shape every client reads (form, tRPC, REST).
 * An unknown field gets its own path ("partnerId": unknown field), so a client sees exactly
 * which key to drop.
 */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key].join('.'),
          message: 'Unknown field; remove it.',
        }))
      : [{ path: issue.path.join('.'), message: issue.message }],
  );
}

/** Parses at an edge (a form post, a REST body) and throws a BAD_REQUEST AppError with field issues. */
export function parseInput<S extends ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('BAD_REQUEST', 'Some fields need attention.', {
      issues: zodIssues(result.error),
    });
  }
  return result.data;
}

/** Issues keyed by field path, for showing errors beside form fields. */
export function issuesByField(issues: FieldIssue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) out[issue.path || 'form'] ??= issue.message;
  return out;
}

/** Single-line text with a trimmed length limit and a message a person can act on. */
export const text = textField;

export const emailField = z
  .string({ required_error: 'E-mail is required.', invalid_type_error: 'E-mail must be text.' })
  .trim()
  .max(254, 'E-mail can be at most 254 characters.')
  .email('Enter an e-mail address like name@company.com.')
  .transform((value) => value.toLowerCase());
