import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/server/errors';
import { runOperation } from '../../../src/server/operations/operation';
import { resetPassword } from '../../../src/server/users/operations/reset-password';
import { signIn } from '../../../src/server/users/operations/sign-in';
import { postForm } from '../../helpers/http';
import { serverDb } from '../../helpers/server-db';

afterAll(async () => {
  await serverDb().destroy();
});

/** The refusal an operation gives when run directly against the server's database. */
async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const NOT_FOUND_PAGE = 'We could not find that page';

describe('sign-in: the form answers what the operation answers', () => {
  it('a wrong password is the operation’s 401 and message, shown on the form (not a redirect to sign in)', async () => {
    const direct = await refusalOf(
      runOperation(
        signIn,
        { db: serverDb(), principal: null, request: { clientIp: '10.77.0.1', visitor: null } },
        { email: 'nobody-at-all@northwind.test', password: 'wrong-password' },
      ),
    );
    const form = await postForm('/login', {
      email: 'nobody-at-all@northwind.test',
      password: 'wrong-password',
    });
    expect(form.status).toBe(401);
    expect(direct.code).toBe('UNAUTHORIZED');
    expect(await form.text()).toContain(direct.message);
  });
});

describe('sign-out', () => {
  it('without a session still answers 303 and clears the cookie', async () => {
    const out = await postForm('/logout', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login?notice=signed-out');
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('chasm_session='));
    expect(cleared).toMatch(/Max-Age=0/i);
  });
});

describe('password reset forms', () => {
  it('asking for a link answers the same page for any address, the address as understood', async () => {
    const response = await postForm('/forgot-password', { email: '  Nobody@Example.TEST ' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('a reset link is on its way');
    expect(html).toContain('<strong>nobody@example.test</strong>');
  });

  it('a malformed address is a 400 with the field’s message', async () => {
    const response = await postForm('/forgot-password', { email: 'not-an-address' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter an e-mail address like name@company.com.');
  });

  it('an unknown link is explained on its page with a 404, as the operation says, not the 404 page', async () => {
    const fields = { password: 'a long enough password', confirm: 'a long enough password' };
    const direct = await refusalOf(
      runOperation(
        resetPassword,
        { db: serverDb(), principal: null },
        {
          token: 'no-such-token',
          ...fields,
        },
      ),
    );
    const response = await postForm('/reset-password/no-such-token', fields);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(direct.code).toBe('NOT_FOUND');
    expect(html).toContain(direct.message);
    expect(html).toContain('href="/forgot-password"');
    expect(html).not.toContain(NOT_FOUND_PAGE);
  });

  it('two different passwords are a 400 on the confirm field', async () => {
    const response = await postForm('/reset-password/no-such-token', {
      password: 'a long enough password',
      confirm: 'another long password',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The two passwords do not match.');
  });
});

describe('unsubscribe form', () => {
  it('a person’s post with an unknown token is the 404 page, not a 500', async () => {
    const response = await postForm('/unsubscribe/not-a-real-token', {});
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(NOT_FOUND_PAGE);
  });
});
