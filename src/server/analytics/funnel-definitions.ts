import { z } from 'zod';
import type { FunnelDefinition } from '../../lib/analytics/funnel';
import { EVENT_TYPES } from '../../lib/events';
import type { DbOrTx } from '../db';
import { parseYamlFiles } from '../content/yaml-files';

export const funnelStepSchema = z.object({
  type: z.enum(EVENT_TYPES),
  path: z.string().startsWith('/').max(200).optional(),
});

export const funnelContentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(3),
  description: z.string().min(10),
  steps: z
    .array(funnelStepSchema.extend({ label: z.string().min(2) }))
    .min(2)
    .max(8),
  windowDays: z.number().int().min(1).max(90),
});
export type FunnelContent = z.infer<typeof funnelContentSchema>;

const files = import.meta.glob<string>('/content/funnels/*.yaml', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const contentFunnels: FunnelContent[] = parseYamlFiles(files, funnelContentSchema);

const DAY = 86_400_000;

/** Funnels defined in content/funnels: always rolled up. */
export function listContentFunnels(): FunnelContent[] {
  return contentFunnels;
}

export function contentFunnelDefinition(funnel: FunnelContent): FunnelDefinition {
  return {
    id: funnel.id,
    steps: funnel.steps.map(({ type, path }) => ({ type, ...(path ? { path } : {}) })),
    windowMs: funnel.windowDays * DAY,
  };
}

/**
 * Every funnel the rollups keep up to date: content funnels, plus funnels saved in the UI once
 * their backfill from raw events has run (before that, the backfill owns their history).
 */
export async function activeFunnels(db: DbOrTx): Promise<FunnelDefinition[]> {
  const saved = await db
    .selectFrom('funnels')
    .select(['id', 'steps', 'window_ms'])
    .where('backfilled_at', 'is not', null)
    .execute();
  return [
    ...contentFunnels.map(contentFunnelDefinition),
    ...saved.map((f) => ({
      id: f.id,
      steps: JSON.parse(f.steps) as FunnelDefinition['steps'],
      windowMs: f.window_ms,
    })),
  ];
}
