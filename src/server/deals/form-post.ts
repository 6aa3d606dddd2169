import type { DealInput } from '../../lib/deals/schema';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { AppError, HTTP_STATUS } from '../errors';
import { field, readForm } from '../http/forms';
import { issuesByField } from '../validation';
import { checkConflicts, type ConflictReport } from './conflicts';
import { DuplicateDealError } from './errors';
import {
  conflictInputFromValues,
  dealFormValuesFromForm,
  parseDealForm,
  type DealFormValues,
} from './form';

/** What the deal form page renders after a post (or redirects to, after a save). */
export interface DealFormPost {
  values: DealFormValues;
  /** The version the edit form was read at, as posted back. */
  version: number | undefined;
  errors: Record<string, string>;
  message?: string;
  conflicts: ConflictReport | null;
  /** The partner's own open deal that this one would duplicate. */
  duplicateId?: string;
  /** The HTTP status of a refused save. */
  status?: number;
  /** "Check for conflicts" was pressed with too little typed to check. */
  isCheckSkipped?: boolean;
  /** Where to go after a save. */
  redirect?: string;
}

/**
 * The POST of the new-deal and edit-deal pages: either a conflict check (intent "check") or a
 * save through `save`, which returns where to go next. `shown` is what the page showed before
 * the post (an edit form also has its deal id and version). A refused save keeps what was
 * typed, its field errors, and the conflicts for it, so the partner sees why.
 */
export async function postDealForm(
  db: DbOrTx,
  user: SessionUser,
  request: Request,
  shown: { values: DealFormValues; dealId?: string; version?: number },
  save: (input: DealInput, submit: boolean, version: number | undefined) => Promise<string>,
): Promise<DealFormPost> {
  let { values, version } = shown;
  try {
    const form = await readForm(request);
    values = dealFormValuesFromForm(form);
    if (version !== undefined) version = Number.parseInt(field(form, 'version'), 10) || version;
    const intent = field(form, 'intent');
    if (intent === 'check') {
      const input = conflictInputFromValues(values, shown.dealId);
      if (!input) return { values, version, errors: {}, conflicts: null, isCheckSkipped: true };
      return { values, version, errors: {}, conflicts: await checkConflicts(db, user, input) };
    }
    const redirect = await save(parseDealForm(values), intent === 'submit', version);
    return { values, version, errors: {}, conflicts: null, redirect };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const input = conflictInputFromValues(values, shown.dealId);
    return {
      values,
      version,
      status: HTTP_STATUS[error.code],
      message: error.message,
      errors: issuesByField(error.issues),
      conflicts: input ? await checkConflicts(db, user, input).catch(() => null) : null,
      ...(error instanceof DuplicateDealError ? { duplicateId: error.duplicateId } : {}),
    };
  }
}
