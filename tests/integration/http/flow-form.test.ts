import { afterAll, describe, expect, it } from 'vitest';
import { isInHoldout } from '../../../src/lib/personas/holdout';
import { baseUrl, BROWSER_UA, postForm } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

afterAll(async () => {
  await serverDb().destroy();
});

/** A visitor id cookie outside the holdout, so the visitor sees the persona site. */
function visitorCookie(salt: string): string {
  for (let i = 0; ; i++) {
    const id = `${salt}${i}`.padEnd(22, 'x').slice(0, 22);
    if (!isInHoldout(id, 'persona-site', 5)) return `chasm_vid=${id}`;
  }
}

async function page(path: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: { cookie, 'user-agent': BROWSER_UA },
  });
  return response.text();
}

async function completeRevenueFlow(cookie: string, email: string): Promise<void> {
  const steps: Record<string, string>[] = [
    { step: 'leads', monthlyLeads: '400', currentResponse: 'later', crm: 'hubspot' },
    { step: 'contact', name: 'Rae Start', email, company: 'Acme', companyDomain: 'acme.test' },
  ];
  for (const fields of steps) {
    expect((await postForm('/start/revenue-teams', fields, { cookie })).status).toBe(303);
  }
}

describe('/start/<slug> posts through its operations', () => {
  it('“start a new request” after completing restarts the flow at its first step', async () => {
    const cookie = visitorCookie('restart');
    await completeRevenueFlow(cookie, `restart-${Date.now().toString(36)}@acme.test`);
    expect(await page('/start/revenue-teams', cookie)).toContain(
      'Your audit plan is being prepared',
    );
    const restarted = await postForm('/start/revenue-teams', { action: 'restart' }, { cookie });
    expect(restarted.status).toBe(303);
    expect(restarted.headers.get('location')).toBe('/start/revenue-teams');
    const html = await page('/start/revenue-teams', cookie);
    expect(html).not.toContain('Your audit plan is being prepared');
    expect(html).toContain('name="step" value="leads"');
  });

  it('an action the page does not offer is a 400 on the page, not a step saved', async () => {
    const cookie = visitorCookie('unknown-action');
    const response = await postForm(
      '/start/revenue-teams',
      { action: 'delete-everything', step: 'leads', monthlyLeads: '400' },
      { cookie },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('That action is not one this page offers.');
  });

  it('a post to a flow that does not exist is its 404 page, not a 500', async () => {
    const response = await postForm('/start/astronauts', { step: 'x' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no onboarding flow for');
  });
});
