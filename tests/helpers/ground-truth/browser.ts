import { baseUrl, BROWSER_UA } from '../http';

export const GOOGLEBOT_UA =
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/**
 * One simulated browser: its own cookie jar (kept like a browser keeps it: set, replaced,
 * deleted by Max-Age=0), user agent, Do Not Track setting and client address. The test server
 * runs with TRUST_PROXY=1 (tests/helpers/http-server-setup.ts), so the address is sent as
 * X-Forwarded-For: one per simulated person, which keeps the beacon's per-address flood guard
 * and the flow-completion limit per person, and makes each DNT visitor's daily hash its own.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly ip: string,
    readonly options: { dnt?: boolean; userAgent?: string } = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return {
      'user-agent': this.options.userAgent ?? BROWSER_UA,
      'x-forwarded-for': this.ip,
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      ...(this.options.dnt ? { dnt: '1' } : {}),
      ...(jar ? { cookie: jar } : {}),
      ...extra,
    };
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (/;\s*max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${baseUrl()}${path}`, {
      redirect: 'manual',
      headers: this.headers(headers),
    });
    this.keep(response);
    await response.arrayBuffer();
    return response;
  }

  /** A same-origin form post; the 303 is not followed (the caller follows it like a browser). */
  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: this.headers({
        'content-type': 'application/x-www-form-urlencoded',
        origin: baseUrl(),
      }),
      body: new URLSearchParams(fields).toString(),
    });
    this.keep(response);
    await response.arrayBuffer();
    return response;
  }

  /** navigator.sendBeacon('/api/events', JSON.stringify({ events })): text/plain, same origin. */
  async beacon(events: unknown[]): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl()}/api/events`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'text/plain;charset=UTF-8', origin: baseUrl() }),
      body: JSON.stringify({ events }),
    });
    this.keep(response);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text for the error message
    }
    return { status: response.status, body };
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(workers);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
