import { newId } from '../../src/lib/ids';
import { isoNow } from '../../src/lib/time';
import { hashPassword } from '../../src/server/auth/password';
import type { Db } from '../../src/server/db';
import type { Role } from '../../src/server/schema';

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery';

/** Inserts a partner company and returns its id. */
export async function makePartner(db: Db, name = `Partner ${newId().slice(-6)}`): Promise<string> {
  const id = newId();
  await db
    .insertInto('partners')
    .values({ id, name, tier: 'registered', created_at: isoNow() })
    .execute();
  return id;
}

/** Inserts a user with TEST_PASSWORD and returns it. */
export async function makeUser(
  db: Db,
  options: {
    role: Role;
    partnerId?: string | null;
    email?: string;
    name?: string;
    isActive?: boolean;
  },
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const email = options.email ?? `${options.role}-${id.slice(-8).toLowerCase()}@example.test`;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: options.name ?? `Test ${options.role}`,
      role: options.role,
      partner_id: options.partnerId ?? null,
      password_hash: await cachedHash,
      is_active: options.isActive === false ? 0 : 1,
      created_at: isoNow(),
      updated_at: isoNow(),
    })
    .execute();
  return { id, email, role: options.role, partnerId: options.partnerId ?? null };
}
