import { inject } from 'vitest';
import type { SessionUser } from '../../src/server/auth/session';
import { createDatabase, type Db } from '../../src/server/db';
import { createApiKey } from '../../src/server/partner-api/keys';

/** A second connection to the database of the built server the HTTP tests talk to. */
export function serverDb(): Db {
  return createDatabase(inject('serverDatabaseUrl'));
}

/** The demo user with this e-mail, as a session user. */
export async function demoUser(db: Db, email: string): Promise<SessionUser> {
  const row = await db
    .selectFrom('users')
    .leftJoin('partners', 'partners.id', 'users.partner_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.partner_id',
      'partners.name as partner_name',
    ])
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    partner: row.partner_id ? { id: row.partner_id, name: row.partner_name ?? '' } : null,
  };
}

/** A fresh API key for a demo partner admin. */
export async function newKey(
  db: Db,
  email = 'ana@northwind.test',
  name = 'test',
): Promise<{ id: string; key: string }> {
  const { id, key } = await createApiKey(db, await demoUser(db, email), { name });
  return { id, key };
}

export function api(
  path: string,
  key: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return fetch(`${inject('baseUrl')}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
}
