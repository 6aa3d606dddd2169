import type { Db } from '../../src/server/db';
import { seedDemoUsers } from './demo-users';
import { seedPortalDemo } from './portal';

export interface SeedOptions {
  password: string;
  now?: Date;
}

/**
 * Fills an empty database with the demo company and its activity. Each step is idempotent,
 * so running it on every start is safe. Later domains add their steps here.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<{ created: boolean }> {
  const now = options.now ?? new Date();
  const created = await seedDemoUsers(db, options.password, now);
  await seedPortalDemo(db, now);
  return { created };
}
