import { inject } from 'vitest';
import type { SessionUser } from '../../src/server/auth/session';
import { createDatabase, type Db } from '../../src/server/db';
import { createApiKey } from '../../src/server/partner-api/keys';
import { checkAgainstDocument } from './openapi-check';

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

/**
 * A partner-API call as a CRM makes it. Every answer is checked against the OpenAPI document
 * (status listed, body matching its schema), so a test that gets an undocumented answer fails.
 */
export async function api(
  path: string,
  key: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = init.method ?? 'GET';
  const response = await fetch(`${inject('baseUrl')}/api/v1${path}`, {
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
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    const body: unknown = await response.clone().json();
    checkAgainstDocument(method, new URL(response.url).pathname, response.status, body);
  }
  return response;
}
