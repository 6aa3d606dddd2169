import { AppError, HTTP_STATUS, type AppErrorCode, type FieldIssue } from '../errors';

/** The REST error body: `{ "error": { "code", "message", "issues"? } }`. */
export function jsonError(
  status: number,
  code: AppErrorCode,
  message: string,
  extra: { issues?: FieldIssue[]; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({ error: { code, message, ...(extra.issues ? { issues: extra.issues } : {}) } }),
    { status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra.headers } },
  );
}

/** Maps an AppError to the REST error body; anything else becomes a 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return jsonError(HTTP_STATUS[error.code], error.code, error.message, {
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.retryAfterSeconds
        ? { headers: { 'retry-after': String(error.retryAfterSeconds) } }
        : {}),
    });
  }
  console.error(error);
  return jsonError(
    500,
    'INTERNAL',
    'Something went wrong on our side. Try again; if it keeps happening, tell us.',
  );
}

export function wantsJson(request: Request, pathname: string): boolean {
  return (
    pathname.startsWith('/api/') ||
    (request.headers.get('accept') ?? '').includes('application/json')
  );
}
