import type { AstroGlobal } from 'astro';
import type { ZodTypeAny } from 'zod';
import { AppError, HTTP_STATUS, type AppErrorCode, type FieldIssue } from '../errors';
import { runOperation, type Operation } from '../operations/operation';
import { getDb } from '../db';
import { issuesByField } from '../validation';
import { clientIp } from './client-ip';
import { field, readForm, type FormValues } from './forms';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

/** One form's use case: the operation, how the form becomes its input, and where to go after. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's actions mix use cases
export interface FormAction<S extends ZodTypeAny = any, A = any, R = any> {
  operation: Operation<S, A, R>;
  /** The operation's input from the posted form (default: the form values as posted). */
  input?: (form: FormValues) => unknown;
  /** Where to go after it succeeds (303). Without one the page renders `result` itself. */
  redirect?: (result: Awaited<R>, form: FormValues) => string;
  /**
   * The answer to send instead of the redirect, when it returns one (an RFC 8058 one-click
   * unsubscribe wants a plain 200, not a page to follow).
   */
  respond?: (result: Awaited<R>, form: FormValues) => Response | undefined;
  /**
   * The session a success starts (sign-in: its token) or ends (null: sign-out). The operation
   * only says what happened; the cookie is set here, with the attributes the edge uses too.
   */
  session?: (result: Awaited<R>) => { token: string; expiresAt: string } | null;
}

/** Refusals that runFormAction answers itself unless the page asks to show them. */
type AnsweredRefusal = Extract<AppErrorCode, 'NOT_FOUND' | 'UNAUTHORIZED'>;

export interface FormActionOptions {
  /** The form field that names the action, when the page has several (default `action`). */
  actionField?: string;
  /**
   * Refusals to render in the page, with their status, instead of the 404 page (NOT_FOUND) or
   * the redirect to sign in (UNAUTHORIZED): a wrong password on the sign-in form, an expired
   * reset link the page explains.
   */
  showInPage?: readonly AnsweredRefusal[];
  /** Rewords an issue for this form: its field names and the words a person typed in. */
  relabel?: (issue: FieldIssue) => FieldIssue;
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

/**
 * One entry of a page's several actions, typed by its operation so that `input`, `redirect`
 * and `session` see its input and result (the map itself can only hold them untyped).
 */
export function formAction<S extends ZodTypeAny, A, R>(action: FormAction<S, A, R>): FormAction {
  return action as unknown as FormAction;
}

function isSingle(actions: Actions): actions is FormAction {
  return 'operation' in actions && typeof (actions as FormAction).operation?.handle === 'function';
}

/**
 * The one way a page handles a form post: read the form (from a copy of the request, so the page
 * can still render the 404 page after it), pick the action, run the operation with the signed-in
 * user, and redirect on success. A refusal keeps the form, maps AppError and schema issues to a
 * message, field errors and the status; an unknown or foreign id is the 404 page (Astro can
 * still rewrite, as the page's own request body was never read) and a visitor is sent to sign
 * in, unless the page shows those itself (`showInPage`). Returns null for anything but a POST.
 */
export async function runFormAction<S extends ZodTypeAny, A, R>(
  Astro: AstroGlobal,
  action: FormAction<S, A, R>,
  options?: FormActionOptions,
): Promise<FormOutcome<Awaited<R>> | null>;
export async function runFormAction(
  Astro: AstroGlobal,
  actions: Record<string, FormAction>,
  options?: FormActionOptions,
): Promise<FormOutcome | null>;
export async function runFormAction(
  Astro: AstroGlobal,
  actions: Actions,
  options: FormActionOptions = {},
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
      {
        db: getDb(),
        principal: Astro.locals.user ?? null,
        request: { clientIp: clientIp(Astro), visitor: Astro.locals.visitor ?? null },
      },
      input,
    );
    if (action.session) {
      const session = action.session(result);
      if (session) setSessionCookie(Astro.cookies, session.token, session.expiresAt);
      else clearSessionCookie(Astro.cookies);
    }
    const response = action.respond?.(result, form);
    if (response) return { response, form, intent, errors: {} };
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
    const isShownInPage = (options.showInPage as readonly string[] | undefined)?.includes(
      error.code,
    );
    if (error.code === 'NOT_FOUND' && !isShownInPage)
      return { response: await Astro.rewrite('/404'), form, intent, errors: {} };
    if (error.code === 'UNAUTHORIZED' && !isShownInPage) {
      const next = encodeURIComponent(Astro.url.pathname + Astro.url.search);
      return { response: Astro.redirect(`/login?next=${next}`, 303), form, intent, errors: {} };
    }
    Astro.response.status = HTTP_STATUS[error.code];
    if (error.retryAfterSeconds)
      Astro.response.headers.set('retry-after', String(error.retryAfterSeconds));
    const issues = options.relabel ? error.issues?.map(options.relabel) : error.issues;
    return { form, intent, errors: issuesByField(issues), message: error.message, error };
  }
}
