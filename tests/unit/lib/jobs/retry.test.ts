import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextMailAttempt } from '../../../../src/lib/jobs/retry';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.parse('2026-09-10T08:00:00Z');

describe('nextMailAttempt', () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [6, 32 * MIN],
    // Capped at an hour apart from then on.
    [7, 60 * MIN],
    [30, 60 * MIN],
  ])('after attempt %i waits %i ms', (attempts, wait) => {
    expect(nextMailAttempt(attempts, T, T, 24 * HOUR)).toBe(T + wait);
  });

  it.each([
    ['well inside the window', T + 10 * HOUR, false],
    ['the next try lands exactly at 24 hours', T + 23 * HOUR, false],
    ['the next try would be past 24 hours', T + 23 * HOUR + 1, true],
    ['the window is over', T + 25 * HOUR, true],
  ])('%s: gives up = %s', (_, now, givesUp) => {
    expect(nextMailAttempt(30, T, now, 24 * HOUR) === null).toBe(givesUp);
  });

  it('never schedules a try before now, nor past the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 48 * HOUR }),
        fc.integer({ min: 1, max: 72 }),
        (attempts, elapsed, hours) => {
          const next = nextMailAttempt(attempts, T, T + elapsed, hours * HOUR);
          return next === null || (next > T + elapsed && next - T <= hours * HOUR);
        },
      ),
    );
  });
});
