import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignSession,
  SESSION_IDLE_MS,
  type SessionState,
} from '../../../../src/lib/analytics/sessions';

const MIN = 60_000;
const T = Date.parse('2026-10-27T12:00:00Z');
// The current visit: 12:00 to 12:20.
const current: SessionState = { sessionId: 'S', startedAt: T, lastSeenAt: T + 20 * MIN };
const fresh = () => 'NEW';

describe('assignSession', () => {
  it.each([
    ['no visit yet', null, T, { isNew: true, sessionId: 'NEW' }],
    ['inside the visit', current, T + 10 * MIN, { isNew: false, sessionId: 'S' }],
    ['right after the last event', current, T + 40 * MIN, { isNew: false, sessionId: 'S' }],
    [
      'more than 30 minutes after the last event',
      current,
      T + 51 * MIN,
      { isNew: true, sessionId: 'NEW' },
    ],
    [
      'late, within 30 minutes before the start',
      current,
      T - 25 * MIN,
      { isNew: false, sessionId: 'S' },
    ],
    [
      'late, more than 30 minutes before the start',
      current,
      T - 31 * MIN,
      { isEarlier: true, sessionId: 'S' },
    ],
    ['late by a day', current, T - 24 * 60 * MIN, { isEarlier: true, sessionId: 'S' }],
  ] as const)('%s', (_, state, at, expected) => {
    const placed = assignSession(state, at, fresh);
    expect(placed.state.sessionId).toBe(expected.sessionId);
    if ('isEarlier' in expected) {
      expect(placed.isEarlier).toBe(true);
      expect(placed.state).toBe(state);
    } else expect(placed.isNew).toBe(expected.isNew);
  });

  it('a late event just before the start moves the start back; the end stays', () => {
    const placed = assignSession(current, T - 10 * MIN, fresh);
    expect(placed.state).toEqual({ ...current, startedAt: T - 10 * MIN });
  });

  it('every event it places lies inside its session’s span, and the span never shrinks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 * 60 }), { minLength: 1, maxLength: 40 }),
        (minutes) => {
          let state: SessionState | null = null;
          for (const m of minutes) {
            const at = T + m * MIN;
            const placed = assignSession(state, at, () => `S${m}`);
            if (placed.isEarlier) continue;
            state = placed.state;
            expect(at).toBeGreaterThanOrEqual(state.startedAt);
            expect(at).toBeLessThanOrEqual(state.lastSeenAt);
          }
        },
      ),
    );
  });
});
