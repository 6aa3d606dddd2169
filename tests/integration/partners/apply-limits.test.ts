import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  partnerApplicationInput,
  referralCodeFrom,
} from '../../../src/server/partners/application-schema';
import {
  APPLY_EMAIL_LIMIT,
  APPLY_IP_LIMIT,
  applyToPartnerProgram,
} from '../../../src/server/partners/apply';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

function application(email: string) {
  return partnerApplicationInput.parse({
    companyName: 'Limit Testers BV',
    companyDomain: 'limit-testers.test',
    country: 'Netherlands',
    contactName: 'Lin',
    contactEmail: email,
    specialties: ['voice'],
  });
}

async function apply(email: string, ip: string, now: Date) {
  try {
    await applyToPartnerProgram(t.db, application(email), { visitorId: 'v-limit', ip }, now);
    return 'ok';
  } catch (error) {
    const e = error as { code: string; retryAfterSeconds?: number };
    return `${e.code} ${e.retryAfterSeconds}`;
  }
}

async function stored(email: string) {
  const rows = await t.db
    .selectFrom('partner_applications')
    .select('id')
    .where('contact_email', '=', email)
    .execute();
  const mail = await t.db
    .selectFrom('outbox')
    .select('id')
    .where('to_address', '=', email)
    .execute();
  return { applications: rows.length, mails: mail.length };
}

describe('the apply form is rate limited in the database', () => {
  it('takes 10 applications per client address per hour, then answers 429 until the hour ends', async () => {
    const now = new Date('2027-02-01T10:00:00.000Z');
    const outcomes: string[] = [];
    for (let i = 0; i < APPLY_IP_LIMIT.max + 2; i++)
      outcomes.push(await apply(`person-${i}@office.test`, '198.51.100.7', now));
    expect(outcomes).toEqual([
      ...Array<string>(10).fill('ok'),
      'TOO_MANY_REQUESTS 3600',
      'TOO_MANY_REQUESTS 3600',
    ]);
    // Refused applications leave nothing behind: no row and no e-mail to the address.
    expect(await stored('person-10@office.test')).toEqual({ applications: 0, mails: 0 });
    // Another address is not affected; the same one is welcome again after the hour.
    expect(await apply('other@office.test', '198.51.100.8', now)).toBe('ok');
    const later = new Date(now.getTime() + 30 * 60_000);
    expect(await apply('late@office.test', '198.51.100.7', later)).toBe('TOO_MANY_REQUESTS 1800');
    const nextHour = new Date(now.getTime() + 60 * 60_000);
    expect(await apply('late@office.test', '198.51.100.7', nextHour)).toBe('ok');
  });

  it('sends at most 3 applications a day to one contact e-mail, from any address', async () => {
    const now = new Date('2027-02-02T10:00:00.000Z');
    const email = 'victim@inbox.test';
    const outcomes: string[] = [];
    for (let i = 0; i < APPLY_EMAIL_LIMIT.max + 1; i++)
      outcomes.push(await apply(email, `203.0.113.${i + 1}`, now));
    expect(outcomes).toEqual(['ok', 'ok', 'ok', `TOO_MANY_REQUESTS ${24 * 3600}`]);
    expect(await stored(email)).toEqual({ applications: 3, mails: 3 });
    // The address is compared as the form normalises it (trimmed, lower-case).
    expect(await apply(' Victim@Inbox.TEST ', '203.0.113.99', now)).toBe(
      `TOO_MANY_REQUESTS ${24 * 3600}`,
    );
    const tomorrow = new Date(now.getTime() + 24 * 3600_000);
    expect(await apply(email, '203.0.113.1', tomorrow)).toBe('ok');
  });

  it('explains the refusal with the wait and the field', async () => {
    const now = new Date('2027-02-03T10:00:00.000Z');
    for (let i = 0; i < 3; i++) await apply('explain@inbox.test', `192.0.2.${i + 1}`, now);
    await expect(
      applyToPartnerProgram(
        t.db,
        application('explain@inbox.test'),
        { visitorId: 'v', ip: '192.0.2.50' },
        new Date(now.getTime() + 60 * 60_000),
      ),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message:
        'explain@inbox.test was already used for 3 applications today. Try again in 23 hours.',
      issues: [{ path: 'contactEmail', message: 'Used for too many applications today.' }],
    });
  });
});

describe('referralCodeFrom (the link and the form’s hidden field)', () => {
  const cases: [string | null, string | null][] = [
    ['northwind', 'northwind'],
    ['Northwind-2026', 'northwind-2026'],
    ['  acme-7 ', 'acme-7'],
    ['a'.repeat(64), 'a'.repeat(64)],
    ['a'.repeat(65), null],
    ['', null],
    [null, null],
    ['north wind', null],
    ['north_wind', null],
    ['"><script>alert(1)</script>', null],
    ['nörthwind', null],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(referralCodeFrom(value)).toBe(expected);
  });
});
