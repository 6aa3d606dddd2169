import type { APIRoute } from 'astro';
import { sql } from 'kysely';
import { dialectOf, getDb } from '../../server/db';

/** Liveness and database reachability, for load balancers and the start script. */
export const GET: APIRoute = async () => {
  const db = getDb();
  try {
    await sql`select 1`.execute(db);
    return Response.json({ ok: true, db: dialectOf(db) });
  } catch {
    return Response.json(
      { ok: false, db: dialectOf(db), error: 'The database is not reachable.' },
      { status: 503 },
    );
  }
};
