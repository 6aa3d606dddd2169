import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db';
import { createApiKey } from '../../../src/server/partner-api/keys';
import { createWebhookEndpoint } from '../../../src/server/webhooks/service';
import { demoUser, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';

/**
 * A form post that names an unknown id, or another company's, is answered with the 404 page
 * (it was a 500 RewriteWithBodyUsed: the page read the body, then tried to render the 404 page)
 * and changes nothing.
 */
let db: Db;
let bluepeakEndpoint: string;
let bluepeakKey: string;
beforeAll(async () => {
  db = serverDb();
  const lee = await demoUser(db, 'lee@bluepeak.test');
  bluepeakEndpoint = (
    await createWebhookEndpoint(db, lee, {
      url: 'https://bluepeak.example.test/hooks',
      events: ['deal.won'],
    })
  ).id;
  bluepeakKey = (await createApiKey(db, lee, { name: 'Bluepeak CRM' })).id;
});
afterAll(() => db.destroy());

async function expectNotFoundPage(response: Response) {
  expect(response.status).toBe(404);
  const html = await response.text();
  expect(html).toContain('We could not find that page');
  expect(html).not.toContain('Bluepeak');
}

describe('/portal/webhooks/[id]', () => {
  it.each(['test', 'disable'])(
    '%s on another company’s endpoint is the 404 page; the endpoint stays active with no delivery',
    async (action) => {
      const cookie = await signIn('ana@northwind.test');
      await expectNotFoundPage(
        await postForm(`/portal/webhooks/${bluepeakEndpoint}`, { action }, { cookie }),
      );
      const endpoint = await db
        .selectFrom('webhook_endpoints')
        .select('is_active')
        .where('id', '=', bluepeakEndpoint)
        .executeTakeFirstOrThrow();
      expect(endpoint.is_active).toBe(1);
      const deliveries = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('endpoint_id', '=', bluepeakEndpoint)
        .execute();
      expect(deliveries).toEqual([]);
    },
  );

  it('an unknown endpoint is the 404 page', async () => {
    const cookie = await signIn('ana@northwind.test');
    await expectNotFoundPage(
      await postForm('/portal/webhooks/01NOSUCHENDPOINT', { action: 'test' }, { cookie }),
    );
  });
});

describe('/portal/review/applications/[id]', () => {
  it.each([
    { action: 'approve', tier: 'silver', reason: '' },
    { action: 'reject', tier: 'silver', reason: 'Not a systems integrator.' },
    // Refused by the schema first: the page then finds no application to show.
    { action: 'reject', tier: 'silver', reason: '' },
  ])('%j on an unknown application is the 404 page', async (fields) => {
    const cookie = await signIn('channel@chasm.test');
    await expectNotFoundPage(
      await postForm('/portal/review/applications/01NOSUCHAPPLICATION', fields, { cookie }),
    );
  });
});

describe('/portal/api-keys', () => {
  it('revoking another company’s key is the 404 page and the key keeps working', async () => {
    const cookie = await signIn('ana@northwind.test');
    await expectNotFoundPage(
      await postForm('/portal/api-keys', { action: 'revoke', id: bluepeakKey }, { cookie }),
    );
    const key = await db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', bluepeakKey)
      .executeTakeFirstOrThrow();
    expect(key.revoked_at).toBeNull();
  });
});
