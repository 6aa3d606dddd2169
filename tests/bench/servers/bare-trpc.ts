/**
 * The same tRPC router on tRPC's standalone adapter: no Astro, no middleware, but the same
 * session validation against the same database, so the only difference is the web stack.
 */
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from '../../../src/server/api/root';
import { validateSessionToken } from '../../../src/server/auth/session';
import { createDatabase } from '../../../src/server/db';

const db = createDatabase(process.env.DATABASE_URL!);
const server = createHTTPServer({
  router: appRouter,
  basePath: '/api/trpc/',
  createContext: async ({ req }) => {
    const token = /chasm_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const result = token ? await validateSessionToken(db, token) : null;
    return {
      db,
      user: result?.user ?? null,
      session: result?.session ?? null,
      partnerId: result?.user.partner?.id ?? null,
    };
  },
});
server.listen(Number(process.env.PORT), '127.0.0.1');
server.on('listening', () => process.send?.('ready'));
