import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { serverDb } from '../../helpers/api';
import { postForm } from '../../helpers/http';
import { expectSameRefusal, pageRefusal } from '../../helpers/refusals';

/**
 * The apply form. Nothing here is stored, so nothing counts against the server's limit of 10
 * applications per address an hour that partner-forms.test.ts and portal-pages.test.ts spend.
 */
let db: Db;
beforeAll(() => {
  db = serverDb();
});
afterAll(() => db.destroy());

const stamp = Date.now().toString(36);

function applyFields(email: string, extra: Record<string, string> = {}) {
  return {
    companyName: 'Trapcheck BV',
    companyDomain: 'trapcheck.test',
    country: 'Netherlands',
    contactName: 'Tess',
    contactEmail: email,
    specialties: 'voice',
    ...extra,
  };
}

async function applicationsFrom(email: string): Promise<number> {
  const rows = await db
    .selectFrom('partner_applications')
    .select('id')
    .where('contact_email', '=', email)
    .execute();
  const mails = await db
    .selectFrom('outbox')
    .select('id')
    .where('to_address', '=', email)
    .execute();
  return rows.length + mails.length;
}

describe('/partners/apply', () => {
  it('thanks a bot that filled the hidden field, and stores and sends nothing', async () => {
    const email = `bot-${stamp}@trapcheck.test`;
    const response = await postForm(
      '/partners/apply',
      applyFields(email, { website: 'https://spam.example' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/partners/apply?submitted=1');
    expect(await applicationsFrom(email)).toBe(0);
  });

  it('refuses a message over 4,000 characters beside the field instead of cutting it', async () => {
    const email = `long-${stamp}@trapcheck.test`;
    const refusal = await pageRefusal(
      await postForm('/partners/apply', applyFields(email, { message: 'm'.repeat(4001) })),
    );
    expectSameRefusal(refusal, {
      status: 400,
      message: 'Some fields need attention.',
      fields: { message: 'Message can be at most 4000 characters.' },
    });
    expect(await applicationsFrom(email)).toBe(0);
  });
});
