import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLead } from '../../../src/server/leads/create';
import { postForm, signIn } from '../../helpers/http';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { serverDb } from '../../helpers/server-db';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callTrpc } from '../../helpers/trpc';

/**
 * Recording a lead's first response is one operation: the lead page's form and tRPC refuse a
 * channel it does not know with the same status, field path and message, and record nothing.
 */
let t: TestDb;
let w: PortalWorld;
let cookie: string;
let leadId: string;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  cookie = await signIn('channel@chasm.test');
  const stamp = Date.now();
  const lead = await serverDb()
    .transaction()
    .execute((trx) =>
      createLead(trx, {
        submissionKey: `roads-${stamp}`,
        flowId: 'contact-center',
        persona: 'contact-center',
        name: 'Road Test',
        email: `roads-${stamp}@acme.test`,
        company: 'Acme',
        companyDomain: 'acme.test',
        answers: {},
        visitorId: null,
        utm: { source: null, medium: null, campaign: null },
        referralCode: null,
        isSalesLead: true,
      }),
    );
  leadId = lead.id;
});
afterAll(() => t.cleanup());

describe('a response by a channel the inbox does not know', () => {
  it('is refused alike by tRPC and by the lead page', async () => {
    const trpc = await callTrpc(
      t.db,
      w.channel,
      'leads.recordResponse',
      { leadId, channel: 'carrier-pigeon' },
      'POST',
    );
    expect(trpc.status).toBe(400);
    const issues = trpc.body.error.data.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['channel']);
    expect(issues[0]!.message).toBe('Choose how you responded.');

    const form = await postForm(`/leads/${leadId}`, { channel: 'carrier-pigeon' }, { cookie });
    expect(form.status).toBe(400);
    const html = await form.text();
    // tRPC's "Some fields need attention." is, on the page, an error summary that links to each
    // field in error with that field's message; the field shows the same message beside it.
    expect(trpc.body.error.message).toBe('Some fields need attention.');
    const summary = /<div[^>]*\bid="form-error"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const links = [...summary.matchAll(/<a[^>]*href="#([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)];
    expect(links.map((m) => m[2]!.trim())).toEqual([issues[0]!.message]);
    expect(html).toContain(`id="${links[0]![1]}"`);
    expect(/id="channel-error"[^>]*>\s*([^<]*?)\s*</.exec(html)?.[1]).toBe(issues[0]!.message);
  });

  it('leaves the lead unanswered', async () => {
    const lead = await serverDb()
      .selectFrom('leads')
      .select(['first_response_at', 'response_channel'])
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow();
    expect(lead).toEqual({ first_response_at: null, response_channel: null });
  });

  it('a known channel is recorded from the same form (Post/Redirect/Get)', async () => {
    const ok = await postForm(`/leads/${leadId}`, { channel: 'phone', note: 'Called' }, { cookie });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/leads/${leadId}?notice=responded`);
    const again = await postForm(`/leads/${leadId}`, { channel: 'email' }, { cookie });
    expect(again.status).toBe(409);
  });
});
