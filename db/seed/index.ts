import type { Db } from '../../src/server/db';
import { seedAnalyticsDemo } from './analytics-demo';
import { seedDemoUsers } from './demo-users';
import { seedDemoLeads } from './demo-leads';
import { seedDemoScenarios } from './roi-scenarios';
import { seedPortalDemo } from './portal';

export interface SeedOptions {
  password: string;
  now?: Date;
  /** Simulated visitors per day for the 90 days of demo analytics (0 turns them off). */
  demoVisitorsPerDay?: number;
}

/**
 * Fills an empty database with the demo company and its activity. Each step is idempotent,
 * so running it on every start is safe. Later domains add their steps here.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<{ created: boolean }> {
  const now = options.now ?? new Date();
  const created = await seedDemoUsers(db, options.password, now);
  await seedDemoLeads(db, now);
  await seedDemoScenarios(db, now);
  await seedPortalDemo(db, now);
  if (options.demoVisitorsPerDay !== 0) {
    await seedAnalyticsDemo(db, {
      now,
      ...(options.demoVisitorsPerDay ? { visitorsPerDay: options.demoVisitorsPerDay } : {}),
    });
  }
  return { created };
}
