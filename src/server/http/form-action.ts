import type { AstroGlobal } from 'astro';
import type { ZodTypeAny } from 'zod';
import { AppError, HTTP_STATUS } from '../errors';
import { runOperation, type Operation } from '../operations/operation';
import { getDb } from '../db';
import { issuesByField } from '../validation';
import { field, readForm, type FormValues } from './forms';

/** One form's use case: the operation, how the form becomes its input, and where to go after. */
export interface FormAction<S extends ZodTypeAny = ZodTypeAny, A = unknown, R = unknown> {
  operation: Operation<S, A, R>;
  /** The operation's input from the posted form (default: the form values as posted). */
  input?: (form: FormValues) => unknown;
  /** Where to go after it succeeds (303). Without one the page renders `result` itself. */
  redirect?: (result: Awaited<R>, form: FormValues) => string;
}

/** What a page renders after a post that did not redirect. */
export interface FormOutcome<R = unknown> {
  /** Set when the page must answer with it as is: a redirect, the 404 or the 403 page. */
  response?: Response;
  /** What was posted, so every field keeps its value. */
  form: FormValues;
  /** The chosen action, when the page has several (the form's `action` field). */
  intent: string;
  /** Field path → message, for the error summary and the fields. */
  errors: Record<string, string>;
  message?: string;
  /** The refusal, for pages that show more of it (a duplicate deal's link). */
  error?: AppError;
  /** The operation's answer, for actions without a redirect (a conflict check). */
  result?: R;
}

type Actions = FormAction | Record<string, FormAction>;

function isSingle(actions: Actions): actions is FormAction {
  return 'operation' in actions && typeof (actions as FormAction).operation?.handle === 'function';
}

/**
 * The one way a page handles a form post: read the form (from a copy of the request, so the page
 * can still render the 404 page after it), pick the action, run the operation with the signed-in
 * user, and redirect on success. A refusal keeps the form, maps AppError and schema issues to a
 * message, field errors and the status; an unknown or foreign id is the 404 page (Astro can
 * still rewrite, as the page's own request body was never read). Returns null for anything but a POST.
 */
export async function runFormAction(
  Astro: AstroGlobal,
  actions: Actions,
  options: { actionField?: string } = {},
): Promise<FormOutcome | null> {
  if (Astro.request.method !== 'POST') return null;
  let form: FormValues = {};
  let intent = '';
  try {
    form = await readForm(Astro.request.clone());
    intent = field(form, options.actionField ?? 'action');
    const action = isSingle(actions) ? actions : actions[intent];
    if (!action) throw new AppError('BAD_REQUEST', 'That action is not one this page offers.');
    // Access before the form becomes input, as on every road: a page's mapping may refuse a
    // form (text that is no number), and a visitor must be sent to sign in, not shown that.
    action.operation.access(Astro.locals.user ?? null);
    const input = action.input ? action.input(form) : form;
    const result = await runOperation(
      action.operation,
      { db: getDb(), principal: Astro.locals.user ?? null },
      input,
    );
    if (action.redirect) {
      return {
        response: Astro.redirect(action.redirect(result, form), 303),
        form,
        intent,
        errors: {},
      };
    }
    return { form, intent, errors: {}, result };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'NOT_FOUND')
      return { response: await Astro.rewrite('/404'), form, intent, errors: {} };
    if (error.code === 'UNAUTHORIZED') {
      const next = encodeURIComponent(Astro.url.pathname + Astro.url.search);
      return { response: Astro.redirect(`/login?next=${next}`, 303), form, intent, errors: {} };
    }
    Astro.response.status = HTTP_STATUS[error.code];
    if (error.retryAfterSeconds)
      Astro.response.headers.set('retry-after', String(error.retryAfterSeconds));
    return { form, intent, errors: issuesByField(error.issues), message: error.message, error };
  }
}
