import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { createInvitation } from '../../../src/server/partners/invitations';
import { demoUser, serverDb } from '../../helpers/api';
import { me, postForm, sessionCookie } from '../../helpers/http';
import { expectSameRefusal, pageRefusal } from '../../helpers/refusals';

/** Accepting an invitation at /invite/[token]: the form posts through the accept operation. */
let db: Db;
let partner: { id: string; name: string };
beforeAll(async () => {
  db = serverDb();
  partner = (await demoUser(db, 'ana@northwind.test')).partner!;
});
afterAll(() => db.destroy());

async function invite(email: string): Promise<string> {
  const { token } = await createInvitation(db, {
    partnerId: partner.id,
    partnerName: partner.name,
    email,
    role: 'partner_rep',
    invitedBy: null,
  });
  return token;
}

const stamp = Date.now().toString(36);

describe('/invite/[token]', () => {
  it('keeps the name and names the field when the passwords differ; nothing is created', async () => {
    const email = `mismatch-${stamp}@northwind.test`;
    const token = await invite(email);
    const response = await postForm(`/invite/${token}`, {
      name: 'Mia Mismatch',
      password: 'a long enough password',
      confirm: 'another long password',
    });
    const html = await response.clone().text();
    expectSameRefusal(await pageRefusal(response), {
      status: 400,
      message: 'Some fields need attention.',
      fields: { confirm: 'The two passwords do not match.' },
    });
    expect(html).toContain('value="Mia Mismatch"');
    expect(await db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual(
      [],
    );
  });

  it('creates the account in the inviting company and signs it in; the link then explains it was used', async () => {
    const email = `joiner-${stamp}@northwind.test`;
    const token = await invite(email);
    const fields = {
      name: 'Jo Joiner',
      password: 'a long enough password',
      confirm: 'a long enough password',
    };
    const accepted = await postForm(`/invite/${token}`, fields);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/portal');
    const cookie = sessionCookie(accepted);
    expect(cookie).toBeDefined();
    expect(await me(cookie)).toMatchObject({ email, role: 'partner_rep', partner });

    const again = await postForm(`/invite/${token}`, fields);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain(
      'This invitation has expired or was already used. Ask your partner admin for a new one.',
    );
  });
});
