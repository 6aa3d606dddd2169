import { localPath } from '../../lib/local-path';
import { AppError } from '../errors';

/** No single form field may exceed this many characters (about 10 KB). */
export const MAX_FIELD_CHARS = 10_000;

export type FormValues = Record<string, string | string[]>;

/**
 * Reads a url-encoded or multipart form post into plain values. Repeated names become
 * arrays. A field over 10 KB, a file upload or a body that is not a form is a BAD_REQUEST
 * with the field named, so the page can say what to fix.
 */
export async function readForm(request: Request): Promise<FormValues> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'The form could not be read. Reload the page and try again.');
  }
  const values: FormValues = {};
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') {
      throw new AppError('BAD_REQUEST', 'File uploads are not accepted here.', {
        issues: [{ path: name, message: 'File uploads are not accepted here.' }],
      });
    }
    if (value.length > MAX_FIELD_CHARS) {
      throw new AppError('BAD_REQUEST', `The field “${name}” is too long (over 10 KB).`, {
        issues: [
          {
            path: name,
            message: `Keep this under ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters.`,
          },
        ],
      });
    }
    const existing = values[name];
    if (existing === undefined) values[name] = value;
    else values[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

/** The first value of a field, as text ('' when missing). */
export function field(values: FormValues, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** A redirect target from a query or form value, kept to this site (see localPath). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return localPath(next, fallback);
}
