import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  DEAL_ACTIONS,
  decideTransition,
  type ActorKind,
  type DealActionType,
  type DealState,
} from '../../../../src/lib/deals/machine';
import { DEAL_STATUSES, type DealStatus } from '../../../../src/lib/deals/statuses';

const NOW = '2026-06-01T12:00:00.000Z';
const FUTURE = '2026-08-01T12:00:00.000Z';
const PAST = '2026-05-01T12:00:00.000Z';
const POLICY = { protectionDays: 90, extensionDays: 30 };

function state(status: DealStatus, extra: Partial<DealState> = {}): DealState {
  return {
    status,
    hasConflict: false,
    protectedUntil: status === 'approved' ? FUTURE : null,
    extensionStatus: null,
    ...extra,
  };
}

/**
 * The whole table: for each action, who may take it and from which statuses, and where it
 * leads. Every (status, action, actor) combination not listed here must be refused.
 */
const ALLOWED: [DealActionType, ActorKind, DealStatus, DealStatus][] = [
  ['edit', 'partner', 'draft', 'draft'],
  ['edit', 'partner', 'returned', 'returned'],
  ['submit', 'partner', 'draft', 'submitted'],
  ['submit', 'partner', 'returned', 'submitted'],
  ['start_review', 'channel', 'submitted', 'under_review'],
  ['approve', 'channel', 'submitted', 'approved'],
  ['approve', 'channel', 'under_review', 'approved'],
  ['return', 'channel', 'submitted', 'returned'],
  ['return', 'channel', 'under_review', 'returned'],
  ['reject', 'channel', 'submitted', 'rejected'],
  ['reject', 'channel', 'under_review', 'rejected'],
  ['mark_won', 'partner', 'approved', 'won'],
  ['mark_won', 'channel', 'approved', 'won'],
  ['mark_lost', 'partner', 'approved', 'lost'],
  ['mark_lost', 'channel', 'approved', 'lost'],
  ['request_extension', 'partner', 'approved', 'approved'],
];

function setupFor(action: DealActionType, status: DealStatus): DealState {
  if (action === 'expire') return state(status, { protectedUntil: PAST });
  if (action === 'approve_extension' || action === 'deny_extension')
    return state(status, { extensionStatus: 'requested' });
  return state(status);
}

describe('deal state machine: every allowed and refused transition', () => {
  const allowed = new Set(ALLOWED.map(([a, who, from]) => `${a}|${who}|${from}`));
  allowed.add('expire|system|approved');
  allowed.add('approve_extension|channel|approved');
  allowed.add('deny_extension|channel|approved');

  for (const action of DEAL_ACTIONS) {
    for (const actor of ['partner', 'channel', 'system'] as const) {
      for (const from of DEAL_STATUSES) {
        const isAllowed = allowed.has(`${action}|${actor}|${from}`);
        it(`${action} by ${actor} from ${from}: ${isAllowed ? 'allowed' : 'refused'}`, () => {
          const decision = decideTransition(
            setupFor(action, from),
            { type: action, reason: 'because' },
            actor,
            NOW,
            POLICY,
          );
          expect(decision.ok).toBe(isAllowed);
          if (decision.ok) {
            const expected = ALLOWED.find(
              ([a, who, f]) => a === action && who === actor && f === from,
            )?.[3];
            if (expected) expect(decision.to).toBe(expected);
          } else {
            expect(['FORBIDDEN', 'INVALID_STATE']).toContain(decision.code);
          }
        });
      }
    }
  }
});

describe('deal state machine: rules beyond the table', () => {
  it('approval protects for the tier’s days from the moment of approval', () => {
    const d = decideTransition(state('under_review'), { type: 'approve' }, 'channel', NOW, {
      protectionDays: 180,
      extensionDays: 30,
    });
    expect(d.ok && d.changes).toMatchObject({
      status: 'approved',
      approvedAt: NOW,
      protectedUntil: '2026-11-28T12:00:00.000Z',
    });
    expect(d.ok && d.isReviewDecision).toBe(true);
  });

  it.each(['return', 'reject'] as const)('%s needs a reason', (type) => {
    const d = decideTransition(state('submitted'), { type, reason: '   ' }, 'channel', NOW, POLICY);
    expect(d).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
  });

  it.each(['partner', 'channel'] as const)('a loss needs a reason, a win does not (%s)', (actor) => {
    const lost = decideTransition(state('approved'), { type: 'mark_lost' }, actor, NOW, POLICY);
    expect(lost).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const won = decideTransition(state('approved'), { type: 'mark_won' }, actor, NOW, POLICY);
    expect(won.ok).toBe(true);
  });

  it('approving a deal with a conflict needs a reason; without one it does not', () => {
    expect(
      decideTransition(
        state('submitted', { hasConflict: true }),
        { type: 'approve' },
        'channel',
        NOW,
        POLICY,
      ),
    ).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(
      decideTransition(state('submitted'), { type: 'approve' }, 'channel', NOW, POLICY).ok,
    ).toBe(true);
  });

  it('one extension per deal, +30 days from the current end, and only before protection ends', () => {
    const requested = decideTransition(
      state('approved'),
      { type: 'request_extension' },
      'partner',
      NOW,
      POLICY,
    );
    expect(requested.ok && requested.changes.extensionStatus).toBe('requested');
    for (const extensionStatus of ['requested', 'approved', 'denied'] as const) {
      expect(
        decideTransition(
          state('approved', { extensionStatus }),
          { type: 'request_extension' },
          'partner',
          NOW,
          POLICY,
        ).ok,
      ).toBe(false);
    }
    expect(
      decideTransition(
        state('approved', { protectedUntil: PAST }),
        { type: 'request_extension' },
        'partner',
        NOW,
        POLICY,
      ).ok,
    ).toBe(false);
    const approved = decideTransition(
      state('approved', { extensionStatus: 'requested' }),
      { type: 'approve_extension' },
      'channel',
      NOW,
      POLICY,
    );
    expect(approved.ok && approved.changes).toMatchObject({
      extensionStatus: 'approved',
      protectedUntil: '2026-08-31T12:00:00.000Z',
    });
    expect(
      decideTransition(
        state('approved', { extensionStatus: 'requested' }),
        { type: 'deny_extension' },
        'channel',
        NOW,
        POLICY,
      ),
    ).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('expiry only once protection has ended', () => {
    expect(decideTransition(state('approved'), { type: 'expire' }, 'system', NOW, POLICY).ok).toBe(
      false,
    );
    const d = decideTransition(
      state('approved', { protectedUntil: NOW }),
      { type: 'expire' },
      'system',
      NOW,
      POLICY,
    );
    expect(d.ok && d.changes).toMatchObject({ status: 'expired', closedAt: NOW });
  });

  it('offers exactly the actions it would allow', () => {
    expect(allowedActions(state('approved'), 'partner', NOW, POLICY).sort()).toEqual([
      'mark_lost',
      'mark_won',
      'request_extension',
    ]);
    expect(allowedActions(state('submitted'), 'channel', NOW, POLICY).sort()).toEqual([
      'approve',
      'reject',
      'return',
      'start_review',
    ]);
    expect(allowedActions(state('won'), 'channel', NOW, POLICY)).toEqual([]);
  });
});
