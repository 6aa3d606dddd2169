import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFlowForPersona } from '../../../src/server/content/persona-content';
import { AppError } from '../../../src/server/errors';
import {
  openFlow,
  restartFlow,
  submitFlowStep,
  type FlowVisitor,
} from '../../../src/server/onboarding/service';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const revenue = () => findFlowForPersona('revenue-teams')!;
let counter = 0;
function visitor(overrides: Partial<FlowVisitor> = {}): FlowVisitor {
  counter++;
  return {
    trackedId: `visitor-${counter}-${Date.now()}`.padEnd(22, 'x').slice(0, 22),
    isReturning: true,
    resumeToken: null,
    utm: { source: 'newsletter', medium: 'email', campaign: 'q4-speed' },
    referralCode: null,
    ...overrides,
  };
}
const leadsStep = { monthlyLeads: '1,200', currentResponse: 'later', crm: 'hubspot' };
const contact = (email: string) => ({
  name: 'Zoë Ortega',
  email,
  company: 'Acme & Sons',
  companyDomain: 'https://www.acme.test/about',
});

async function eventsFor(visitorId: string) {
  return t.db
    .selectFrom('events')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .orderBy('id')
    .execute();
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('onboarding flows', () => {
  it('returns field errors by name and saves nothing for an invalid step', async () => {
    const v = visitor({ isReturning: false });
    const error = await errorOf(
      submitFlowStep(t.db, revenue(), v, 'leads', {
        monthlyLeads: 'lots',
        currentResponse: 'whenever',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      'crm',
      'currentResponse',
      'monthlyLeads',
    ]);
    expect(
      await t.db
        .selectFrom('flow_progress')
        .selectAll()
        .where('visitor_id', '=', v.trackedId)
        .execute(),
    ).toEqual([]);
  });

  it('saves each step on the server and resumes where the visitor left off, days later', async () => {
    const v = visitor();
    const opened = await openFlow(t.db, revenue(), v, null);
    expect(opened.stepId).toBe('leads');
    expect((await eventsFor(v.trackedId!)).map((e) => e.type)).toEqual(['flow_started']);

    expect(await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep)).toEqual({
      kind: 'next',
      resumeToken: null,
    });
    const later = new Date(Date.now() + 3 * 86_400_000);
    const resumed = await openFlow(t.db, revenue(), v, null, later);
    expect(resumed.stepId).toBe('contact');
    expect(resumed.answers).toMatchObject({
      monthlyLeads: 1200,
      currentResponse: 'later',
      crm: 'hubspot',
    });
    // Going back shows the earlier step with its answers; a later step cannot be skipped to.
    expect((await openFlow(t.db, revenue(), v, 'leads')).stepId).toBe('leads');
    const fresh = visitor();
    expect((await openFlow(t.db, revenue(), fresh, 'contact')).stepId).toBe('leads');
  });

  it('refuses a later step before the earlier ones', async () => {
    const v = visitor({ isReturning: false });
    const error = await errorOf(
      submitFlowStep(t.db, revenue(), v, 'contact', contact('skip@acme.test')),
    );
    expect(error.code).toBe('CONFLICT');
  });

  it('completes with one lead, assigned with a 5-minute deadline, enrolled and logged', async () => {
    const v = visitor();
    await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep);
    const now = new Date('2026-11-24T10:00:00.000Z');
    const result = await submitFlowStep(
      t.db,
      revenue(),
      v,
      'contact',
      contact('zoe@acme.test'),
      now,
    );
    expect(result.kind).toBe('completed');
    const lead = await t.db
      .selectFrom('leads')
      .selectAll()
      .where('email', '=', 'zoe@acme.test')
      .executeTakeFirstOrThrow();
    expect(lead).toMatchObject({
      persona: 'revenue-teams',
      name: 'Zoë Ortega',
      company: 'Acme & Sons',
      company_domain: 'acme.test',
      owner_key: 'daniel-reyes',
      created_at: '2026-11-24T10:00:00.000Z',
      response_due_at: '2026-11-24T10:05:00.000Z',
      first_response_at: null,
      utm_source: 'newsletter',
      utm_campaign: 'q4-speed',
    });
    expect(JSON.parse(lead.answers)).toMatchObject({ monthlyLeads: 1200, email: 'zoe@acme.test' });
    const types = (await eventsFor(v.trackedId!)).map((e) => e.type);
    expect(types).toEqual([
      'flow_started',
      'flow_step_completed',
      'flow_step_completed',
      'flow_completed',
      'lead_created',
    ]);
    const mail = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'category', 'send_after'])
      .where('created_at', '=', now.toISOString())
      .orderBy('send_after')
      .execute();
    expect(mail.filter((m) => m.category === 'lead_assigned').map((m) => m.to_address)).toEqual([
      'daniel.reyes@relay.test',
    ]);
    expect(mail.filter((m) => m.category === 'campaign').map((m) => m.send_after)).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-26T10:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
    ]);
    // A refresh after completing shows the confirmation and creates nothing.
    expect((await openFlow(t.db, revenue(), v, null)).isCompleted).toBe(true);
    expect(
      await submitFlowStep(t.db, revenue(), v, 'contact', contact('zoe@acme.test')),
    ).toMatchObject({ kind: 'completed' });
    expect(
      await t.db.selectFrom('leads').select('id').where('email', '=', 'zoe@acme.test').execute(),
    ).toHaveLength(1);
  });

  it('creates one lead when the final step is posted twice at once (double click)', async () => {
    const v = visitor();
    await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep);
    const results = await Promise.all([
      submitFlowStep(t.db, revenue(), v, 'contact', contact('double@acme.test')),
      submitFlowStep(t.db, revenue(), v, 'contact', contact('double@acme.test')),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['completed', 'completed']);
    expect(
      await t.db.selectFrom('leads').select('id').where('email', '=', 'double@acme.test').execute(),
    ).toHaveLength(1);
    expect((await eventsFor(v.trackedId!)).filter((e) => e.type === 'lead_created')).toHaveLength(
      1,
    );
  });

  it('keeps only the answers of the branch taken', async () => {
    const flow = findFlowForPersona('contact-center')!;
    const v = visitor();
    await submitFlowStep(t.db, flow, v, 'operation', {
      operationType: 'outsourced',
      seats: '300',
      platform: 'genesys',
    });
    expect((await openFlow(t.db, flow, v, null)).stepId).toBe('clients');
    await submitFlowStep(t.db, flow, v, 'clients', { clientPrograms: '4', clientApproval: 'yes' });
    // The visitor goes back and changes the answer that led to the client step.
    await submitFlowStep(t.db, flow, v, 'operation', {
      operationType: 'in-house',
      seats: '300',
      platform: 'genesys',
    });
    expect((await openFlow(t.db, flow, v, null)).stepId).toBe('pilot-scope');
    await submitFlowStep(t.db, flow, v, 'pilot-scope', {
      pilotQueue: 'Billing',
      homeAgents: 'none',
      timeline: 'exploring',
    });
    await submitFlowStep(t.db, flow, v, 'contact', { ...contact('branch@acme.test'), phone: '' });
    const lead = await t.db
      .selectFrom('leads')
      .selectAll()
      .where('email', '=', 'branch@acme.test')
      .executeTakeFirstOrThrow();
    const answers = JSON.parse(lead.answers);
    expect(answers.operationType).toBe('in-house');
    expect(answers).not.toHaveProperty('clientPrograms');
    expect(answers).not.toHaveProperty('phone');
    expect(['maya-okafor', 'hannah-becker']).toContain(lead.owner_key);
  });

  it('files a partner application for a systems integrator, with no sales owner', async () => {
    const flow = findFlowForPersona('systems-integrators')!;
    const v = visitor({ referralCode: 'NW-2026' });
    await submitFlowStep(t.db, flow, v, 'practice', {
      specialties: ['sip-trunking', 'task-router'],
      practiceAreas: 'contact-centre',
      companySize: '51-200',
    });
    await submitFlowStep(t.db, flow, v, 'company', {
      company: 'Fabrikam Systems',
      companyDomain: 'fabrikam.test',
      country: 'United Kingdom',
      name: 'Fay Brik',
      email: 'fay@fabrikam.test',
      title: '',
      message: '<b>We build on SIP</b>',
    });
    const lead = await t.db
      .selectFrom('leads')
      .selectAll()
      .where('email', '=', 'fay@fabrikam.test')
      .executeTakeFirstOrThrow();
    expect(lead.owner_key).toBeNull();
    expect(lead.response_due_at).toBeNull();
    const application = await t.db
      .selectFrom('partner_applications')
      .selectAll()
      .where('lead_id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(application).toMatchObject({
      id: lead.partner_application_id,
      source: 'flow',
      company_domain: 'fabrikam.test',
      referral_code: 'NW-2026',
      message: '<b>We build on SIP</b>',
      status: 'submitted',
    });
    expect(JSON.parse(application.specialties)).toEqual(['sip-trunking', 'task-router']);
    expect((await eventsFor(v.trackedId!)).map((e) => e.type)).toContain('application_submitted');
  });

  it('lets a visitor without an id cookie (DNT/GPC) resume by the token in the address', async () => {
    // Under DNT the page knows the visitor only by the day's salted hash (analyticsId).
    const v = visitor({ trackedId: null, isReturning: false, analyticsId: 'h_dnt-resume-hash' });
    const first = await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep);
    expect(first.resumeToken).toMatch(/^[a-z0-9]{32}$/);
    const withToken = { ...v, resumeToken: first.resumeToken };
    expect((await openFlow(t.db, revenue(), withToken, null)).stepId).toBe('contact');
    expect((await openFlow(t.db, revenue(), v, null)).progress).toBeNull();
    await submitFlowStep(t.db, revenue(), withToken, 'contact', contact('dnt@acme.test'));
    const lead = await t.db
      .selectFrom('leads')
      .selectAll()
      .where('email', '=', 'dnt@acme.test')
      .executeTakeFirstOrThrow();
    // The lead, like the flow's events, carries the hash its page views carry: one visitor.
    expect(lead.visitor_id).toBe('h_dnt-resume-hash');
    expect((await eventsFor('h_dnt-resume-hash')).map((e) => e.type)).toContain('lead_created');
    const progress = await t.db
      .selectFrom('flow_progress')
      .selectAll()
      .where('lead_id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(progress.resume_token_hash).not.toBe(first.resumeToken);
  });

  it('starts a new request after completing one, creating a second lead only then', async () => {
    const v = visitor();
    await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep);
    await submitFlowStep(t.db, revenue(), v, 'contact', contact('again@acme.test'));
    await restartFlow(t.db, revenue(), v);
    const view = await openFlow(t.db, revenue(), v, null);
    expect(view).toMatchObject({ isCompleted: false, stepId: 'leads' });
    expect(view.answers.email).toBe('again@acme.test');
    await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep);
    await submitFlowStep(t.db, revenue(), v, 'contact', contact('again@acme.test'));
    expect(
      await t.db
        .selectFrom('leads')
        .select('submission_key')
        .where('email', '=', 'again@acme.test')
        .execute(),
    ).toHaveLength(2);
  });
});

describe('completion limit', () => {
  it('lets one address complete 10 flows an hour and refuses the 11th with 429, saving nothing', async () => {
    const now = new Date('2026-11-20T09:00:00.000Z');
    const ip = '198.51.100.77';
    for (let i = 0; i < 10; i++) {
      const v = visitor({ clientIp: ip });
      await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep, now);
      expect(
        (await submitFlowStep(t.db, revenue(), v, 'contact', contact(`limit-${i}@acme.test`), now))
          .kind,
      ).toBe('completed');
    }
    const v = visitor({ clientIp: ip });
    await submitFlowStep(t.db, revenue(), v, 'leads', leadsStep, now);
    const error = await errorOf(
      submitFlowStep(t.db, revenue(), v, 'contact', contact('limit-11@acme.test'), now),
    );
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      await t.db
        .selectFrom('leads')
        .select('id')
        .where('email', '=', 'limit-11@acme.test')
        .execute(),
    ).toEqual([]);
    // Another address is not affected.
    const other = visitor({ clientIp: '198.51.100.78' });
    await submitFlowStep(t.db, revenue(), other, 'leads', leadsStep, now);
    expect(
      (await submitFlowStep(t.db, revenue(), other, 'contact', contact('other@acme.test'), now))
        .kind,
    ).toBe('completed');
  });
});
