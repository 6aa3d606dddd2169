import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';
import { applyToPartnerProgram } from '../../../src/server/partners/apply';
import { serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';

/**
 * Form posts against the built server. Every application posted here counts against the
 * server's per-address limit (10 an hour, shared with portal-pages.test.ts): keep them few.
 */
let db: Db;
beforeAll(() => {
  db = serverDb();
});
afterAll(() => db.destroy());

const stamp = Date.now().toString(36);

function applyFields(email: string, extra: Record<string, string> = {}) {
  return {
    companyName: 'Formlimit BV',
    companyDomain: 'formlimit.test',
    country: 'Netherlands',
    contactName: 'Fleur',
    contactEmail: email,
    specialties: 'voice',
    ...extra,
  };
}

async function storedReferral(email: string): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom('partner_applications')
    .select('referral_code')
    .where('contact_email', '=', email)
    .execute();
  return rows.map((r) => r.referral_code);
}

describe('/portal/webhooks', () => {
  it('answers a malformed URL with 400 and the message beside the field, never a 500', async () => {
    const cookie = await signIn('ana@northwind.test');
    const response = await postForm(
      '/portal/webhooks',
      { url: 'not a url', events: 'deal.won', description: 'CRM' },
      { cookie },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter a full URL, like https://crm.example.com/hooks/relay.');
    expect(html).toContain('value="not a url"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('/partners/apply', () => {
  it('sends at most 3 applications a day to one e-mail, then answers 429 with Retry-After', async () => {
    const email = `fleur-${stamp}@formlimit.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await postForm('/partners/apply', applyFields(email))).status);
    expect(statuses).toEqual([303, 303, 303]);
    const refused = await postForm('/partners/apply', applyFields(email));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    const html = await refused.text();
    expect(html).toContain(
      `${email} was already used for 3 applications today. Try again in 24 hours.`,
    );
    expect(html).toContain('value="Formlimit BV"');
    expect(await storedReferral(email)).toHaveLength(3);
  });

  it('keeps the hidden ref only when it passes the same check as the link’s ?ref= (a blank textarea is no message)', async () => {
    const good = `good-ref-${stamp}@formlimit.test`;
    const bad = `bad-ref-${stamp}@formlimit.test`;
    expect(
      (
        await postForm(
          '/partners/apply',
          applyFields(good, {
            ref: 'Northwind-2026',
            message: '                  \r\n                ',
          }),
        )
      ).status,
    ).toBe(303);
    expect(
      (await postForm('/partners/apply', applyFields(bad, { ref: 'x" onmouseover="alert(1)' })))
        .status,
    ).toBe(303);
    expect(await storedReferral(good)).toEqual(['northwind-2026']);
    expect(await storedReferral(bad)).toEqual([null]);
  });
});

describe('/portal/review/applications/[id]', () => {
  it('refuses an unknown tier with 400 beside the field instead of approving it as registered', async () => {
    const email = `tier-${stamp}@tiertest.test`;
    const { id } = await applyToPartnerProgram(
      db,
      partnerApplicationInput.parse({
        ...applyFields(email),
        companyName: `Tiertest ${stamp} BV`,
        specialties: ['voice'],
      }),
      { visitorId: `v-tier-${stamp}`, ip: '192.0.2.201' },
    );
    const cookie = await signIn('channel@chasm.test');
    const path = `/portal/review/applications/${id}`;
    const response = await postForm(
      path,
      { action: 'approve', tier: 'platinum', reason: '' },
      { cookie },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Choose one of the program’s tiers.');
    expect(html).toMatch(/<select[^>]*aria-invalid="true"/);
    const untouched = await db
      .selectFrom('partner_applications')
      .select(['status', 'partner_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ status: 'submitted', partner_id: null });

    const approved = await postForm(
      path,
      { action: 'approve', tier: 'silver', reason: '' },
      { cookie },
    );
    expect(approved.status).toBe(303);
    const partner = await db
      .selectFrom('partner_applications')
      .innerJoin('partners', 'partners.id', 'partner_applications.partner_id')
      .select('partners.tier')
      .where('partner_applications.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(partner.tier).toBe('silver');
  });
});
