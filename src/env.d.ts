/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./server/auth/session').SessionUser | null;
    session: import('./server/auth/session').ValidSession | null;
    /** The resolved persona and variant; null on prerendered pages and API routes. */
    persona: import('./lib/personas/types').ResolvedPersona | null;
    /** The visitor (id cookie or per-request id under DNT/GPC); null where `persona` is. */
    visitor: import('./lib/personas/types').Visitor | null;
    /** The visit bookkeeping (src/server/http/visit.ts); null where `persona` is. */
    visit: import('./server/http/visit').Visit | null;
  }
}
