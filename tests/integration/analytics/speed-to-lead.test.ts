import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speedToLead } from '../../../src/server/analytics/queries/speed-to-lead';
import { bucketOf, medianOf } from '../../../src/lib/analytics/response-times';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
const created = (m: number) => new Date(Date.UTC(2026, 9, 10, 9, m)).toISOString();

beforeAll(async () => {
  t = await createTestDb();
  const lead = (id: string, owner: string | null, at: number, respondedAfter: number | null) => ({
    id,
    submission_key: id,
    flow_id: 'f',
    persona: owner ? 'contact-center' : 'systems-integrators',
    name: 'N',
    email: `${id}@x.test`,
    company: 'C',
    company_domain: 'c.test',
    answers: '{}',
    visitor_id: null,
    utm_source: null,
    utm_medium: null,
    utm_campaign: null,
    referral_code: null,
    owner_key: owner,
    response_due_at: owner ? new Date(Date.parse(created(at)) + 5 * 60_000).toISOString() : null,
    first_response_at:
      respondedAfter === null
        ? null
        : new Date(Date.parse(created(at)) + respondedAfter * 60_000).toISOString(),
    responded_by: null,
    response_channel: null,
    response_note: null,
    partner_application_id: null,
    created_at: created(at),
    updated_at: created(at),
  });
  await t.db
    .insertInto('leads')
    .values([
      lead('a', 'maya', 0, 2), // on time
      lead('b', 'maya', 1, 12), // late
      lead('c', 'daniel', 2, 4.5), // on time
      lead('d', 'daniel', 3, null), // waiting, overdue
      lead('e', null, 4, null), // partner application: not a sales lead
    ])
    .execute();
});
afterAll(() => t.cleanup());

describe('speed to lead', () => {
  it('buckets response times and finds the median', () => {
    expect([0.5, 1, 4.99, 5, 30, 59, 61, 2000].map(bucketOf)).toEqual([0, 1, 1, 2, 4, 4, 5, 7]);
    expect(medianOf([])).toBeNull();
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
  });

  it('counts leads answered before their deadline, overall and per owner, without partner applications', async () => {
    const result = await speedToLead(
      t.db,
      { from: '2026-10-10', to: '2026-10-10' },
      new Date('2026-10-11T00:00:00Z'),
    );
    expect(result).toMatchObject({
      leads: 4,
      answered: 3,
      withinDeadline: 2,
      overdue: 1,
      medianMinutes: 4.5,
      deadlineMinutes: 5,
    });
    expect(result.buckets.map((b) => b.count)).toEqual([0, 2, 1, 0, 0, 0, 0, 0]);
    expect(result.buckets.map((b) => b.isWithinDeadline)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(result.owners).toEqual([
      { owner: 'maya', leads: 2, answered: 2, withinDeadline: 1, medianMinutes: 7, unanswered: 0 },
      {
        owner: 'daniel',
        leads: 2,
        answered: 1,
        withinDeadline: 1,
        medianMinutes: 4.5,
        unanswered: 1,
      },
    ]);
  });
});
