import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Db } from '../../../src/server/db';
import { demoUser, serverDb } from '../../helpers/api';
import { postForm, signIn } from '../../helpers/http';
import { expectSameRefusal, pageRefusal, trpcRefusal } from '../../helpers/refusals';
import { callTrpc } from '../../helpers/trpc';

/** Creating an API key is one use case: the API keys page and `apiKeys.create` refuse alike. */
let db: Db;
let ana: SessionUser;
let cookie: string;
beforeAll(async () => {
  db = serverDb();
  ana = await demoUser(db, 'ana@northwind.test');
  cookie = await signIn('ana@northwind.test');
});
afterAll(() => db.destroy());

async function keysNamed(name: string): Promise<number> {
  return (await db.selectFrom('api_keys').select('id').where('name', '=', name).execute()).length;
}

describe('apiKeys.create and the API keys page refuse the same input the same way', () => {
  const long = `CRM ${'y'.repeat(80)}`;
  it.each([
    [{ name: '   ' }, { name: '   ' }, { name: 'Name the key (what uses it).' }],
    [{ name: long }, { name: long }, { name: 'Keep the name under 80 characters.' }],
    [
      { name: 'Zero-day key', expires: '0' },
      { name: 'Zero-day key', expiresInDays: 0 },
      { expiresInDays: 'A key lasts at least 1 day.' },
    ],
    [
      { name: 'Forever key', expires: '731' },
      { name: 'Forever key', expiresInDays: 731 },
      { expiresInDays: 'A key lasts at most 730 days; create a new one then.' },
    ],
  ])('form %j / tRPC %j', async (form, input, fields) => {
    const viaTrpc = trpcRefusal(await callTrpc(db, ana, 'apiKeys.create', input, 'POST'));
    const viaPage = await pageRefusal(
      await postForm('/portal/api-keys', { action: 'create', ...form }, { cookie }),
    );
    expect(viaTrpc).toEqual({ status: 400, message: 'Some fields need attention.', fields });
    // The form's select is named `expires`; the operation's field counts days.
    const { expiresInDays, ...others } = viaTrpc.fields;
    expectSameRefusal(viaPage, {
      ...viaTrpc,
      fields: { ...others, ...(expiresInDays ? { expires: expiresInDays } : {}) },
    });
    expect(await keysNamed(input.name.trim())).toBe(0);
  });

  it('a created key is shown once on the page, not cached, and listed for tRPC', async () => {
    const name = `Roads key ${Date.now()}`;
    const page = await postForm(
      '/portal/api-keys',
      { action: 'create', name, expires: '30' },
      { cookie },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toMatch(/<code[^>]*>chasm_[a-z2-9]{8}_[a-z2-9]{32,64}<\/code>/);
    const listed = await callTrpc(db, ana, 'apiKeys.list');
    const key = listed.body.result.data.find((k: { name: string }) => k.name === name);
    expect(key.expires_at).not.toBeNull();
  });
});
