import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Db } from '../../../src/server/db';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';
import { submitPartnerApplication } from '../../../src/server/partners/applications';
import { demoUser, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';
import { expectSameRefusal, pageRefusal, trpcRefusal } from '../../helpers/refusals';
import { callTrpc } from '../../helpers/trpc';

/**
 * Approving and rejecting an application are one use case each: the review page and tRPC
 * (`review.approveApplication`, `review.rejectApplication`) must refuse the same input with the
 * same status, message and field, and neither road may cut a reason to make it fit.
 */
let db: Db;
let channel: SessionUser;
let cookie: string;
const stamp = Date.now().toString(36);

beforeAll(async () => {
  db = serverDb();
  channel = await demoUser(db, 'channel@chasm.test');
  cookie = await signIn('channel@chasm.test');
});
afterAll(() => db.destroy());

async function newApplication(name: string): Promise<string> {
  const input = partnerApplicationInput.parse({
    companyName: `${name} ${stamp} BV`,
    companyDomain: `${name.toLowerCase()}-${stamp}.test`,
    country: 'Netherlands',
    contactName: 'Roos',
    contactEmail: `roos-${name.toLowerCase()}-${stamp}@roads.test`,
    specialties: ['voice'],
  });
  return (await submitPartnerApplication(db, input, { source: 'form' })).id;
}

async function stored(id: string) {
  return db
    .selectFrom('partner_applications')
    .select(['status', 'rejection_reason', 'partner_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

const LONG = 'x'.repeat(2001);

describe('one refusal on both roads', () => {
  let id: string;
  beforeAll(async () => {
    id = await newApplication('Roadtest');
  });

  it.each([
    ['reject', { reason: '' }, 'reason', 'Give a reason; the applicant receives it.'],
    ['reject', { reason: '   \r\n  ' }, 'reason', 'Give a reason; the applicant receives it.'],
    ['reject', { reason: LONG }, 'reason', 'Keep the reason under 2,000 characters.'],
    ['approve', { tier: 'platinum' }, 'tier', 'Choose one of the program’s tiers.'],
  ] as const)('%s with %j is refused on %s', async (action, fields, path, message) => {
    const procedure =
      action === 'reject' ? 'review.rejectApplication' : 'review.approveApplication';
    const viaTrpc = trpcRefusal(await callTrpc(db, channel, procedure, { id, ...fields }, 'POST'));
    const viaPage = await pageRefusal(
      await postForm(
        `/portal/review/applications/${id}`,
        { action, tier: 'silver', ...fields },
        { cookie },
      ),
    );
    expect(viaTrpc).toMatchObject({ status: 400, fields: { [path]: message } });
    expectSameRefusal(viaPage, viaTrpc);
    expect(await stored(id)).toEqual({
      status: 'submitted',
      rejection_reason: null,
      partner_id: null,
    });
  });

  it('an approval note over 2,000 characters is refused (not cut) on both roads, beside the textarea on the page', async () => {
    const viaTrpc = trpcRefusal(
      await callTrpc(
        db,
        channel,
        'review.approveApplication',
        { id, tier: 'silver', note: LONG },
        'POST',
      ),
    );
    const viaPage = await pageRefusal(
      await postForm(
        `/portal/review/applications/${id}`,
        { action: 'approve', tier: 'silver', reason: LONG },
        { cookie },
      ),
    );
    expect(viaTrpc.fields).toEqual({ note: 'Keep the reason under 2,000 characters.' });
    // The page's one textarea is named `reason`; the approval calls what it holds a note.
    expectSameRefusal(viaPage, { ...viaTrpc, fields: { reason: viaTrpc.fields.note! } });
    expect((await stored(id)).status).toBe('submitted');
  });
});

describe('a reason of exactly 2,000 characters', () => {
  it('is accepted whole on both roads', async () => {
    const reason = 'Not a systems integrator. '.repeat(80).slice(0, 2000);
    expect(reason.trim()).toHaveLength(2000);
    const byPage = await newApplication('Pagereject');
    const byTrpc = await newApplication('Trpcreject');
    const posted = await postForm(
      `/portal/review/applications/${byPage}`,
      { action: 'reject', reason },
      { cookie },
    );
    expect(posted.status).toBe(303);
    const called = await callTrpc(
      db,
      channel,
      'review.rejectApplication',
      { id: byTrpc, reason },
      'POST',
    );
    expect(called.status).toBe(200);
    for (const id of [byPage, byTrpc])
      expect(await stored(id)).toMatchObject({ status: 'rejected', rejection_reason: reason });
  });
});
