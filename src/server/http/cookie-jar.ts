import type { AstroCookies } from 'astro';
import { parse, serialize, type SerializeOptions } from 'cookie';

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/**
 * The cookies of one request, read and written the same way whether Astro renders the page or
 * the edge answers it from its cache: the visit bookkeeping (src/server/http/visit.ts) takes
 * this, so both paths set exactly the same cookies.
 */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
}

export function astroCookieJar(cookies: AstroCookies): CookieJar {
  return {
    get: (name) => cookies.get(name)?.value,
    set: (name, value, options) => cookies.set(name, value, options),
  };
}

/** A jar over a raw `Cookie` header that collects `Set-Cookie` lines for the edge to send. */
export class HeaderCookieJar implements CookieJar {
  readonly setCookies: string[] = [];
  private readonly values: Record<string, string | undefined>;

  constructor(cookieHeader: string | undefined) {
    // The cookie library decodes percent-encoding and leaves malformed values as they are.
    this.values = cookieHeader ? parse(cookieHeader) : {};
  }

  get(name: string): string | undefined {
    return this.values[name];
  }

  set(name: string, value: string, options: CookieOptions): void {
    const attributes: SerializeOptions = { ...options };
    this.setCookies.push(serialize(name, value, attributes));
  }
}
