import { inject } from 'vitest';

export const DEMO_PASSWORD = 'chasm-demo';

/**
 * A person's browser. Chasm gives crawlers and HTTP libraries (fetch sends "node") the page
 * and nothing else: no visitor cookie, no events. Tests that act as a person send this.
 */
export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A same-origin form post, as a browser sends it. */
export async function postForm(
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null } = {},
): Promise<Response> {
  const origin = options.origin === undefined ? baseUrl() : options.origin;
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': BROWSER_UA,
      ...(origin ? { origin } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The name=value pair of the session cookie set by a response. */
export function sessionCookie(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('chasm_session='));
  return header?.split(';')[0];
}

/** Signs in through the real login form and returns the cookie to send. */
export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await postForm('/login', { email, password });
  const cookie = sessionCookie(response);
  if (response.status !== 303 || !cookie)
    throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie;
}

export async function me(cookie?: string): Promise<any> {
  const response = await fetch(`${baseUrl()}/api/trpc/auth.me`, {
    headers: cookie ? { cookie } : {},
  });
  return ((await response.json()) as any).result.data;
}
