import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

afterAll(async () => {
  await serverDb().destroy();
});

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

function asBot(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  return fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      'user-agent': GOOGLEBOT,
      ...(init.form
        ? { origin: baseUrl(), 'content-type': 'application/x-www-form-urlencoded' }
        : {}),
    },
    ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
  });
}

describe('a crawler is served everywhere and counted nowhere', () => {
  it('the persona switcher sends it on without a cookie or a persona_switched event', async () => {
    const before = await serverDb()
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'persona_switched')
      .executeTakeFirstOrThrow();
    const response = await asBot('/persona?set=executives&next=/for/developers/');
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()).toEqual([]);
    const after = await serverDb()
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'persona_switched')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('an onboarding flow works for it, and records no flow or lead event', async () => {
    const page = await asBot('/start/revenue-teams?utm_content=bot-flow');
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie()).toEqual([]);
    const first = await asBot('/start/revenue-teams', {
      method: 'POST',
      form: { step: 'leads', monthlyLeads: '300', currentResponse: 'later', crm: 'hubspot' },
    });
    expect(first.status).toBe(303);
    const resume = new URL(first.headers.get('location')!, baseUrl()).searchParams.get('resume')!;
    const done = await asBot(`/start/revenue-teams?resume=${resume}`, {
      method: 'POST',
      form: {
        resume,
        step: 'contact',
        name: 'Crawler',
        email: 'bot-flow@crawler.test',
        company: 'Crawl',
        companyDomain: 'crawler.test',
      },
    });
    expect(done.status).toBe(303);
    const db = serverDb();
    const lead = await db
      .selectFrom('leads')
      .select(['id', 'visitor_id'])
      .where('email', '=', 'bot-flow@crawler.test')
      .executeTakeFirstOrThrow();
    expect(lead.visitor_id).toBeNull();
    await new Promise((wait) => setTimeout(wait, 600));
    const events = await db
      .selectFrom('events')
      .select(['type', 'visitor_id'])
      .where((eb) =>
        eb.or([
          eb('visitor_id', 'like', 'bot:%'),
          eb('utm_content', '=', 'bot-flow'),
          eb('properties', 'like', `%${lead.id}%`),
        ]),
      )
      .execute();
    expect(events).toEqual([]);
  });
});
