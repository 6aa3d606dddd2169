import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Db } from '../../../src/server/db';
import { demoUser, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';
import { expectSameRefusal, pageRefusal, trpcRefusal } from '../../helpers/refusals';
import { callTrpc } from '../../helpers/trpc';

/** Adding a webhook endpoint is one use case: the webhooks page and `webhooks.create` refuse alike. */
let db: Db;
let ana: SessionUser;
let cookie: string;
beforeAll(async () => {
  db = serverDb();
  ana = await demoUser(db, 'ana@northwind.test');
  cookie = await signIn('ana@northwind.test');
});
afterAll(() => db.destroy());

async function endpointsAt(url: string): Promise<number> {
  return (await db.selectFrom('webhook_endpoints').select('id').where('url', '=', url).execute())
    .length;
}

describe('webhooks.create and the webhooks page refuse the same input the same way', () => {
  it.each([
    [
      'not a URL',
      'not a url',
      ['deal.won'],
      undefined,
      { url: 'Enter a full URL, like https://crm.example.com/hooks/relay.' },
    ],
    [
      'an ftp URL',
      'ftp://crm.example.com/hooks',
      ['deal.won'],
      undefined,
      { url: 'Use an http(s) URL.' },
    ],
    [
      'credentials in the URL',
      'https://user:secret@crm.example.com/hooks',
      ['deal.won'],
      undefined,
      { url: 'Put credentials in your receiver, not in the URL.' },
    ],
    [
      'a URL over 2,000 characters',
      `https://crm.example.com/${'p'.repeat(2000)}`,
      ['deal.won'],
      undefined,
      { url: 'Keep the URL under 2,000 characters.' },
    ],
    [
      'no event',
      'https://crm.example.com/roads-none',
      [],
      undefined,
      { events: 'Pick at least one event.' },
    ],
    [
      'a description over 200 characters',
      'https://crm.example.com/roads-long-description',
      ['deal.won'],
      'd'.repeat(201),
      { description: 'Keep the description under 200 characters.' },
    ],
  ])('%s', async (_label, url, events, description, fields) => {
    const input = { url, events, ...(description ? { description } : {}) };
    const viaTrpc = trpcRefusal(await callTrpc(db, ana, 'webhooks.create', input, 'POST'));
    // Each case picks at most one event: postForm sends one value per name.
    const form = {
      url,
      ...(events[0] ? { events: events[0] } : {}),
      ...(description ? { description } : {}),
    };
    const viaPage = await pageRefusal(await postForm('/portal/webhooks', form, { cookie }));
    expect(viaTrpc).toEqual({ status: 400, message: 'Some fields need attention.', fields });
    expectSameRefusal(viaPage, viaTrpc);
    expect(await endpointsAt(url)).toBe(0);
  });
});
