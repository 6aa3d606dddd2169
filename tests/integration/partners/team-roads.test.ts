import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Db } from '../../../src/server/db';
import { demoUser, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';
import { expectSameRefusal, pageRefusal, trpcRefusal } from '../../helpers/refusals';
import { callTrpc } from '../../helpers/trpc';

/** Inviting a teammate is one use case: the team page and `team.invite` refuse alike. */
let db: Db;
let ana: SessionUser;
let anaCookie: string;
beforeAll(async () => {
  db = serverDb();
  ana = await demoUser(db, 'ana@northwind.test');
  anaCookie = await signIn('ana@northwind.test');
});
afterAll(() => db.destroy());

async function invitationsTo(email: string): Promise<number> {
  const rows = await db.selectFrom('invitations').select('id').where('email', '=', email).execute();
  return rows.length;
}

describe('team.invite and the team page refuse the same input the same way', () => {
  it.each([
    [
      { email: 'nope', role: 'partner_rep' },
      400,
      { email: 'Enter an e-mail address like name@company.com.' },
    ],
    [
      { email: 'new-colleague@northwind.test', role: 'boss' },
      400,
      { role: 'Choose a role: partner_admin or partner_rep.' },
    ],
    [
      { email: 'raj@northwind.test', role: 'partner_rep' },
      409,
      { email: 'This address already has an account.' },
    ],
  ])('%j → %i', async (input, status, fields) => {
    const viaTrpc = trpcRefusal(await callTrpc(db, ana, 'team.invite', input, 'POST'));
    const viaPage = await pageRefusal(await postForm('/portal/team', input, { cookie: anaCookie }));
    expect(viaTrpc).toMatchObject({ status, fields });
    expectSameRefusal(viaPage, viaTrpc);
    expect(await invitationsTo(input.email)).toBe(0);
  });

  it('a partner rep is refused with 403 and the same message on both roads', async () => {
    const input = { email: `rep-invite-${Date.now()}@northwind.test`, role: 'partner_rep' };
    const raj = await demoUser(db, 'raj@northwind.test');
    const viaTrpc = trpcRefusal(await callTrpc(db, raj, 'team.invite', input, 'POST'));
    const page = await postForm('/portal/team', input, {
      cookie: await signIn('raj@northwind.test'),
    });
    expect(viaTrpc).toEqual({
      status: 403,
      message: 'Only a partner admin can invite colleagues.',
      fields: {},
    });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain(viaTrpc.message);
    expect(await invitationsTo(input.email)).toBe(0);
  });
});
