import type { AstroGlobal } from 'astro';
import type { ConflictReport } from '../../lib/matching/report';
import { getDb } from '../db';
import type { FieldIssue } from '../errors';
import { runFormAction, type FormAction } from './form-action';
import { field, type FormValues } from './forms';
import { runOperation } from '../operations/operation';
import { DuplicateDealError } from '../deals/errors';
import {
  AMOUNT_HINT,
  conflictCandidate,
  dealFormInput,
  dealFormValuesFromForm,
  type DealFormValues,
} from '../deals/form';
import { checkConflicts } from '../deals/operations/check-conflicts';
import { createDeal } from '../deals/operations/create-deal';
import { updateDeal } from '../deals/operations/update-deal';
import type { DealView } from '../deals/view';

/** What the deal form page renders after a post that did not redirect. */
export interface DealFormPost {
  values: DealFormValues;
  /** The version the edit form was read at, as posted back. */
  version: number | undefined;
  errors: Record<string, string>;
  message?: string;
  conflicts: ConflictReport | null;
  /** The partner's own open deal that this one would duplicate. */
  duplicateId?: string;
  /** Set when the page must answer with it (the redirect after a save, the 404 page). */
  response?: Response;
}

/** Issues as the form names its fields: `value` is typed in major units, edits drop `deal.`. */
function relabel(issue: FieldIssue): FieldIssue {
  const path = issue.path.replace(/^deal\./, '');
  if (path === 'valueCents' && /must be (?:a number|whole cents)/.test(issue.message))
    return { path, message: AMOUNT_HINT };
  return { ...issue, path };
}

const noticeFor = (deal: DealView) => (deal.status === 'draft' ? 'saved' : 'submitted');

/**
 * The POST of the new-deal and edit-deal pages, through the deal operations: "Check for
 * conflicts" (intent `check`) runs the live check; "Save draft" and "Submit" register or edit.
 * A refused save keeps what was typed and its field errors, and shows the conflicts the rules
 * found: those of the refusal itself for a duplicate (the rules are not run twice), or one check
 * when the save was refused before the rules ran.
 */
export async function postDealForm(
  Astro: AstroGlobal,
  shown: { values: DealFormValues; dealId?: string; version?: number },
): Promise<DealFormPost> {
  const { dealId } = shown;
  const values = (form: FormValues) => dealFormValuesFromForm(form);
  const save = (submit: boolean): FormAction =>
    dealId
      ? {
          operation: updateDeal,
          input: (form) => ({
            id: dealId,
            version: Number.parseInt(field(form, 'version'), 10) || shown.version,
            submit,
            deal: dealFormInput(values(form)),
          }),
          redirect: (deal) =>
            `/portal/deals/${(deal as DealView).id}?notice=${noticeFor(deal as DealView)}`,
        }
      : {
          operation: createDeal,
          input: (form) => ({ ...dealFormInput(values(form)), submit }),
          redirect: (deal) =>
            `/portal/deals/${(deal as DealView).id}?notice=${noticeFor(deal as DealView)}`,
        };
  const post = await runFormAction(
    Astro,
    {
      submit: save(true),
      draft: save(false),
      check: {
        operation: checkConflicts,
        input: (form) => conflictCandidate(values(form), dealId),
      },
    },
    { actionField: 'intent', relabel },
  );
  if (!post) return { values: shown.values, version: shown.version, errors: {}, conflicts: null };
  const posted = values(post.form);
  const version = Number.parseInt(field(post.form, 'version'), 10) || shown.version;
  const base = {
    values: posted,
    version,
    errors: post.errors,
    ...(post.message ? { message: post.message } : {}),
  };
  if (post.response) return { ...base, conflicts: null, response: post.response };
  if (post.intent === 'check')
    return { ...base, conflicts: (post.result as ConflictReport) ?? null };
  if (post.error instanceof DuplicateDealError) {
    return { ...base, conflicts: post.error.report, duplicateId: post.error.duplicateId };
  }
  const conflicts = await runOperation(
    checkConflicts,
    { db: getDb(), principal: Astro.locals.user ?? null },
    conflictCandidate(posted, dealId),
  ).catch(() => null);
  return { ...base, conflicts };
}
