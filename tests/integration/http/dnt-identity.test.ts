import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, BROWSER_UA } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

afterAll(async () => {
  await serverDb().destroy();
});

/** A browser that sends Do Not Track: no cookie, the same address and agent all along. */
const DNT_HEADERS = { 'user-agent': `${BROWSER_UA} dnt-identity`, dnt: '1' };

function post(path: string, fields: Record<string, string>) {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...DNT_HEADERS,
      origin: baseUrl(),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('a Do-Not-Track visitor is one visitor from first page to lead', () => {
  it('their page views, flow events and lead carry one id: the day’s salted hash', async () => {
    const page = await fetch(`${baseUrl()}/start/revenue-teams?utm_content=dnt-identity`, {
      headers: DNT_HEADERS,
    });
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie().some((c) => c.startsWith('chasm_vid='))).toBe(false);
    const first = await post('/start/revenue-teams', {
      step: 'leads',
      monthlyLeads: '400',
      currentResponse: 'later',
      crm: 'hubspot',
    });
    expect(first.status).toBe(303);
    const resume = new URL(first.headers.get('location')!, baseUrl()).searchParams.get('resume')!;
    expect(resume).toBeTruthy();
    const done = await post(`/start/revenue-teams?resume=${resume}`, {
      resume,
      step: 'contact',
      name: 'Dana Private',
      email: 'dnt-identity@acme.test',
      company: 'Acme',
      companyDomain: 'acme.test',
    });
    expect(done.status).toBe(303);

    const db = serverDb();
    const lead = await db
      .selectFrom('leads')
      .select(['visitor_id'])
      .where('email', '=', 'dnt-identity@acme.test')
      .executeTakeFirstOrThrow();
    let views: { visitor_id: string }[] = [];
    for (let attempt = 0; attempt < 40 && views.length === 0; attempt++) {
      views = await db
        .selectFrom('events')
        .select('visitor_id')
        .where('type', '=', 'page_view')
        .where('utm_content', '=', 'dnt-identity')
        .execute();
      if (views.length === 0) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(views).toHaveLength(1);
    const id = views[0]!.visitor_id;
    expect(id).toMatch(/^h_/);
    const flowEvents = await db
      .selectFrom('events')
      .select(['type', 'visitor_id'])
      .where('type', 'in', ['flow_started', 'flow_completed', 'lead_created'])
      .where('visitor_id', '=', id)
      .execute();
    expect(flowEvents.map((e) => e.type).sort()).toEqual([
      'flow_completed',
      'flow_started',
      'lead_created',
    ]);
    expect(lead.visitor_id).toBe(id);
  });
});
