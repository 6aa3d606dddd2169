import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, postForm, signIn } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

/**
 * A form posted to a page for an id that does not exist, or is someone else's, is the 404 page:
 * the page runs the operation on a copy of the request, so Astro can still render the 404 page
 * (reading the page's own body first made these a 500 RewriteWithBodyUsed).
 */
let exec: string;
let channel: string;
let execScenario: string;
beforeAll(async () => {
  exec = await signIn('exec@chasm.test');
  channel = await signIn('channel@chasm.test');
  const row = await serverDb()
    .selectFrom('roi_scenarios')
    .innerJoin('users', 'users.id', 'roi_scenarios.owner_id')
    .select('roi_scenarios.id')
    .where('users.email', '=', 'exec@chasm.test')
    .executeTakeFirstOrThrow();
  execScenario = row.id;
});
afterAll(async () => {
  await serverDb().destroy();
});

async function expectNotFoundPage(response: Response) {
  expect(response.status).toBe(404);
  const html = await response.text();
  expect(html).not.toContain('RewriteWithBodyUsed');
  expect(html).toMatch(/<html/i);
}

describe('roi/scenarios/[id]', () => {
  it.each(['share', 'revoke', 'duplicate', 'delete'])(
    '%s on an unknown id is the 404 page',
    async (intent) => {
      await expectNotFoundPage(
        await postForm('/roi/scenarios/01NOSUCHSCENARIO0000000000', { intent }, { cookie: exec }),
      );
    },
  );

  it.each(['share', 'duplicate', 'delete'])(
    '%s on another user’s scenario is the 404 page and changes nothing',
    async (intent) => {
      await expectNotFoundPage(
        await postForm(`/roi/scenarios/${execScenario}`, { intent }, { cookie: channel }),
      );
      const still = await serverDb()
        .selectFrom('roi_scenarios')
        .select('id')
        .where('id', '=', execScenario)
        .executeTakeFirst();
      expect(still?.id).toBe(execScenario);
      const sharesByChannel = await serverDb()
        .selectFrom('roi_scenario_shares')
        .innerJoin('users', 'users.id', 'roi_scenario_shares.created_by')
        .select('roi_scenario_shares.id')
        .where('roi_scenario_shares.scenario_id', '=', execScenario)
        .where('users.email', '=', 'channel@chasm.test')
        .execute();
      expect(sharesByChannel).toEqual([]);
    },
  );

  it('the list page’s row buttons too', async () => {
    await expectNotFoundPage(
      await postForm(
        '/roi/scenarios',
        { intent: 'delete', id: '01NOSUCHSCENARIO0000000000' },
        { cookie: exec },
      ),
    );
  });
});

describe('leads/[id]', () => {
  it('recording a response to an unknown lead is the 404 page', async () => {
    await expectNotFoundPage(
      await postForm(
        '/leads/01NOSUCHLEAD00000000000000',
        { channel: 'phone' },
        { cookie: channel },
      ),
    );
  });
});

describe('opening an unknown id', () => {
  it.each(['/leads/01NOSUCHLEAD00000000000000', `/leads/${'x'.repeat(60)}`])(
    '%s is the 404 page',
    async (path) => {
      await expectNotFoundPage(
        await fetch(`${baseUrl()}${path}`, { headers: { cookie: channel } }),
      );
    },
  );
});

describe('analytics/funnels', () => {
  it('deleting a funnel that is not saved is the 404 page', async () => {
    await expectNotFoundPage(
      await postForm(
        '/analytics/funnels',
        { action: 'delete', id: 'ui-no-such-funnel' },
        { cookie: channel },
      ),
    );
  });
});
