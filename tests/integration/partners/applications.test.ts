import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';
import { submitPartnerApplication } from '../../../src/server/partners/applications';
import { recordEvent } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('partner applications', () => {
  it('normalises the website and refuses what is not a domain', () => {
    const base = {
      companyName: 'Acme',
      country: 'DE',
      contactName: 'A',
      contactEmail: 'a@acme.test',
      specialties: ['voice'],
    };
    expect(
      partnerApplicationInput.parse({ ...base, companyDomain: 'https://WWW.Acme.com/about?x=1' })
        .companyDomain,
    ).toBe('www.acme.com');
    expect(
      partnerApplicationInput.safeParse({ ...base, companyDomain: 'not a domain' }).success,
    ).toBe(false);
    expect(
      partnerApplicationInput.safeParse({ ...base, companyDomain: 'acme.com', specialties: [] })
        .success,
    ).toBe(false);
  });

  it('stores the application as submitted and confirms it by e-mail, once', async () => {
    const input = partnerApplicationInput.parse({
      companyName: 'Fabrikam Systems',
      companyDomain: 'fabrikam.test',
      country: 'United Kingdom',
      contactName: 'Fay Brik',
      contactEmail: 'fay@fabrikam.test',
      specialties: ['sip-trunking', 'task-router'],
    });
    const { id } = await submitPartnerApplication(t.db, input, { source: 'form' });
    const row = await t.db
      .selectFrom('partner_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(JSON.parse(row.specialties)).toEqual(['sip-trunking', 'task-router']);
    const mails = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'fay@fabrikam.test')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain('Fabrikam Systems');
  });
});

describe('events', () => {
  it('records an event with its properties as JSON', async () => {
    await recordEvent(t.db, {
      type: 'lead_created',
      visitorId: 'v1',
      persona: 'developers',
      properties: { leadId: 'L1' },
    });
    const row = await t.db
      .selectFrom('events')
      .selectAll()
      .where('visitor_id', '=', 'v1')
      .executeTakeFirstOrThrow();
    expect(row.type).toBe('lead_created');
    expect(typeof row.id).toBe('number');
    expect(JSON.parse(row.properties)).toEqual({ leadId: 'L1' });
  });
});
