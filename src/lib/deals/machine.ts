import type { DealStatus, ExtensionStatus } from './statuses';

/**
 * The deal lifecycle, decided by one function. Every change to a deal's status, protection
 * window or extension goes through `decideTransition`; services apply what it returns and
 * write it to the audit log. Nothing else moves a deal.
 *
 *   draft → submitted → under_review → approved | returned | rejected
 *   returned → submitted (the partner edits and resubmits)
 *   approved → won | lost | expired; one extension request per approved deal
 *
 * Decisions may also be taken straight from `submitted` (a channel manager need not claim a
 * deal before deciding it, which keeps bulk actions to one step).
 */
export type DealAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'start_review' }
  | { type: 'approve'; reason?: string | undefined }
  | { type: 'return'; reason?: string | undefined }
  | { type: 'reject'; reason?: string | undefined }
  | { type: 'mark_won'; reason?: string | undefined }
  | { type: 'mark_lost'; reason?: string | undefined }
  | { type: 'expire' }
  | { type: 'request_extension'; reason?: string | undefined }
  | { type: 'approve_extension'; reason?: string | undefined }
  | { type: 'deny_extension'; reason?: string | undefined };
export type DealActionType = DealAction['type'];

/** Who acts: the partner that owns the deal, vendor staff (channel manager, admin), or the system. */
export type ActorKind = 'partner' | 'channel' | 'system';

export interface DealState {
  status: DealStatus;
  hasConflict: boolean;
  protectedUntil: string | null;
  extensionStatus: ExtensionStatus | null;
}

export interface LifecyclePolicy {
  /** Protection after approval, from the partner's tier (default 90 days). */
  protectionDays: number;
  /** One extension adds this many days (default 30). */
  extensionDays: number;
}

export interface TransitionChanges {
  status: DealStatus;
  protectedUntil?: string;
  approvedAt?: string;
  extensionStatus?: ExtensionStatus;
  closedAt?: string;
}

export type Decision =
  | {
      ok: true;
      from: DealStatus;
      to: DealStatus;
      changes: TransitionChanges;
      /** Approve, return or reject: the end of a review, whose duration is recorded. */
      isReviewDecision: boolean;
      reason: string | null;
    }
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_STATE' | 'REASON_REQUIRED'; message: string };

const DAY_MS = 86_400_000;
const REVIEWABLE: readonly DealStatus[] = ['submitted', 'under_review'];
// A loss needs its reason: it is what the win/loss analysis reads, on every road alike.
const NEEDS_REASON = new Set<DealActionType>(['return', 'reject', 'deny_extension', 'mark_lost']);

/** Which actor kinds may take each action, and from which statuses. */
const RULES: Record<DealActionType, { actors: readonly ActorKind[]; from: readonly DealStatus[] }> =
  {
    edit: { actors: ['partner'], from: ['draft', 'returned'] },
    submit: { actors: ['partner'], from: ['draft', 'returned'] },
    start_review: { actors: ['channel'], from: ['submitted'] },
    approve: { actors: ['channel'], from: REVIEWABLE },
    return: { actors: ['channel'], from: REVIEWABLE },
    reject: { actors: ['channel'], from: REVIEWABLE },
    mark_won: { actors: ['partner', 'channel'], from: ['approved'] },
    mark_lost: { actors: ['partner', 'channel'], from: ['approved'] },
    expire: { actors: ['system'], from: ['approved'] },
    request_extension: { actors: ['partner'], from: ['approved'] },
    approve_extension: { actors: ['channel'], from: ['approved'] },
    deny_extension: { actors: ['channel'], from: ['approved'] },
  };

const TARGET: Partial<Record<DealActionType, DealStatus>> = {
  submit: 'submitted',
  start_review: 'under_review',
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
  mark_won: 'won',
  mark_lost: 'lost',
  expire: 'expired',
};

function refuse(
  code: 'FORBIDDEN' | 'INVALID_STATE' | 'REASON_REQUIRED',
  message: string,
): Decision {
  return { ok: false, code, message };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** Checks that belong to one action beyond "who" and "from which status". */
function actionGuard(state: DealState, action: DealAction, now: string): Decision | null {
  if (action.type === 'expire' && (!state.protectedUntil || state.protectedUntil > now)) {
    return refuse(
      'INVALID_STATE',
      'This deal is still protected; it expires at the end of its window.',
    );
  }
  if (action.type === 'request_extension') {
    if (state.extensionStatus !== null) {
      return refuse('INVALID_STATE', 'This deal already had its one extension request.');
    }
    if (!state.protectedUntil || state.protectedUntil <= now) {
      return refuse(
        'INVALID_STATE',
        'The protection window has ended; it can no longer be extended.',
      );
    }
  }
  if (
    (action.type === 'approve_extension' || action.type === 'deny_extension') &&
    state.extensionStatus !== 'requested'
  ) {
    return refuse('INVALID_STATE', 'There is no extension request waiting on this deal.');
  }
  return null;
}

/** What a permitted action changes besides the status: protection, extension, closing time. */
function changesOf(
  state: DealState,
  type: DealActionType,
  to: DealStatus,
  now: string,
  policy: LifecyclePolicy,
): TransitionChanges {
  const changes: TransitionChanges = { status: to };
  if (type === 'approve') {
    changes.approvedAt = now;
    changes.protectedUntil = addDays(now, policy.protectionDays);
  }
  if (type === 'request_extension') changes.extensionStatus = 'requested';
  if (type === 'deny_extension') changes.extensionStatus = 'denied';
  if (type === 'approve_extension') {
    changes.extensionStatus = 'approved';
    changes.protectedUntil = addDays(state.protectedUntil ?? now, policy.extensionDays);
  }
  if (to === 'won' || to === 'lost' || to === 'expired' || to === 'rejected')
    changes.closedAt = now;
  return changes;
}

/**
 * Decides whether `actor` may apply `action` to a deal in `state` at `now`, and what changes.
 * Reasons are required to return or reject a deal, to deny an extension, to mark it lost, and
 * to approve a deal flagged with a conflict (the reason records why this registration wins).
 */
export function decideTransition(
  state: DealState,
  action: DealAction,
  actor: ActorKind,
  now: string,
  policy: LifecyclePolicy,
): Decision {
  const rule = RULES[action.type];
  if (!rule.actors.includes(actor)) {
    return refuse(
      'FORBIDDEN',
      `A ${actor === 'partner' ? 'partner' : actor === 'channel' ? 'channel manager' : 'system task'} cannot ${action.type.replace(/_/g, ' ')} a deal.`,
    );
  }
  if (!rule.from.includes(state.status)) {
    return refuse(
      'INVALID_STATE',
      `A deal that is ${state.status.replace('_', ' ')} cannot be ${PAST[action.type]}.`,
    );
  }
  const guard = actionGuard(state, action, now);
  if (guard) return guard;
  const reason = 'reason' in action ? (action.reason ?? '').trim() : '';
  const reasonNeeded =
    NEEDS_REASON.has(action.type) || (action.type === 'approve' && state.hasConflict);
  if (reasonNeeded && reason.length === 0) {
    return refuse(
      'REASON_REQUIRED',
      action.type === 'approve'
        ? 'This deal has a conflict: say why it should be approved.'
        : action.type === 'mark_lost'
          ? 'Say why the deal was lost; it goes on the timeline.'
          : 'Give a reason; the partner sees it.',
    );
  }
  const to = TARGET[action.type] ?? state.status;
  const changes = changesOf(state, action.type, to, now, policy);
  return {
    ok: true,
    from: state.status,
    to,
    changes,
    isReviewDecision:
      action.type === 'approve' || action.type === 'return' || action.type === 'reject',
    reason: reason.length > 0 ? reason : null,
  };
}

const PAST: Record<DealActionType, string> = {
  edit: 'edited',
  submit: 'submitted',
  start_review: 'taken into review',
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
  mark_won: 'marked won',
  mark_lost: 'marked lost',
  expire: 'expired',
  request_extension: 'extended',
  approve_extension: 'given an extension',
  deny_extension: 'refused an extension',
};

/** Every action, for tests and for the audit log's labels. */
export const DEAL_ACTIONS = Object.keys(RULES) as DealActionType[];

/**
 * The actions an actor could take now, asked of the same function (a placeholder reason
 * stands in for the one the form will require), so screens never offer a refused button.
 */
export function allowedActions(
  state: DealState,
  actor: ActorKind,
  now: string,
  policy: LifecyclePolicy,
): DealActionType[] {
  return DEAL_ACTIONS.filter(
    (type) => decideTransition(state, { type, reason: '…' } as DealAction, actor, now, policy).ok,
  );
}
