import { describe, expect, it } from 'vitest';
import { chooseOwner } from '../../../src/lib/leads/assignment';
import { describeClock, formatMinutes, responseClock } from '../../../src/lib/leads/response-clock';

const owners = [
  {
    key: 'a',
    name: 'A',
    title: 'T',
    email: 'a@x.test',
    personas: ['contact-center' as const, 'executives' as const],
  },
  { key: 'b', name: 'B', title: 'T', email: 'b@x.test', personas: ['contact-center' as const] },
  { key: 'c', name: 'C', title: 'T', email: 'c@x.test', personas: ['developers' as const] },
];

describe('chooseOwner', () => {
  it.each<[string, string, Record<string, number>, string | null]>([
    ['first listed on a tie', 'contact-center', {}, 'a'],
    ['fewest waiting leads', 'contact-center', { a: 2, b: 1 }, 'b'],
    ['only owners of the persona', 'developers', { a: 0, c: 9 }, 'c'],
    ['nobody for an uncovered persona', 'it-operations', {}, null],
  ])('%s', (_name, persona, open, expected) => {
    expect(chooseOwner(owners, persona, open)?.key ?? null).toBe(expected);
  });
});

describe('responseClock', () => {
  const created = '2026-11-24T10:00:00.000Z';
  const due = '2026-11-24T10:05:00.000Z';
  it.each<[string, string | null, string, string, string]>([
    ['due in 3 min', null, '2026-11-24T10:02:00.000Z', 'waiting', 'Due in 3 min'],
    ['overdue', null, '2026-11-24T11:10:00.000Z', 'overdue', 'Overdue by 1 h 05 min'],
    [
      'answered on time',
      '2026-11-24T10:04:00.000Z',
      '2026-11-25T00:00:00.000Z',
      'responded_on_time',
      'Answered in 4 min',
    ],
    [
      'answered late',
      '2026-11-24T10:38:00.000Z',
      '2026-11-25T00:00:00.000Z',
      'responded_late',
      'Answered late, in 38 min',
    ],
  ])('%s', (_name, responded, now, state, text) => {
    const clock = responseClock(
      { created_at: created, response_due_at: due, first_response_at: responded },
      new Date(now),
    );
    expect(clock.state).toBe(state);
    expect(describeClock(clock)).toBe(text);
  });

  it('has no deadline for partner applications', () => {
    expect(
      responseClock(
        { created_at: created, response_due_at: null, first_response_at: null },
        new Date(),
      ).state,
    ).toBe('no_deadline');
    expect(formatMinutes(3 * 1440 + 125)).toBe('3 d 2 h');
  });
});
