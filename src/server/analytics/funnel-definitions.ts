import { z } from 'zod';
import type { FunnelDefinition } from '../../lib/analytics/funnel';
import { EVENT_TYPES } from '../../lib/events';
import type { DbOrTx } from '../db';
import { parseYamlFiles } from '../content/yaml-files';
import { listBackfilledFunnels, type SavedFunnelRow } from './funnel-repository';

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

/** A funnel saved in the UI, as the rollups and its backfill run it. */
export function savedFunnelDefinition(
  row: Pick<SavedFunnelRow, 'id' | 'steps' | 'window_ms'>,
): FunnelDefinition {
  return {
    id: row.id,
    steps: JSON.parse(row.steps) as FunnelDefinition['steps'],
    windowMs: row.window_ms,
  };
}

/**
 * Every funnel the rollups keep up to date: content funnels, plus funnels saved in the UI once
 * their backfill from raw events has run (before that, the backfill owns their history).
 */
export async function activeFunnels(db: DbOrTx): Promise<FunnelDefinition[]> {
  const saved = await listBackfilledFunnels(db);
  return [...contentFunnels.map(contentFunnelDefinition), ...saved.map(savedFunnelDefinition)];
}
