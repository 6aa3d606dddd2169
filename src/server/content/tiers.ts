import { tierSchema, type Tier, type TierSlug } from '../../lib/content/portal';
import { parseYamlFiles } from './yaml-files';

function tierFiles(): Record<string, string> {
  return import.meta.glob<string>('/content/tiers/*.yaml', {
    eager: true,
    query: '?raw',
    import: 'default',
  });
}

const tiers: Tier[] = parseYamlFiles(tierFiles(), tierSchema).sort((a, b) => a.order - b.order);

/** Protection when a partner's tier is missing from content: 90 days, extension 30 (DESIGN.md). */
export const DEFAULT_PROTECTION_DAYS = 90;
export const DEFAULT_EXTENSION_DAYS = 30;

/** The partner program's tiers, lowest first. */
export function listTiers(): Tier[] {
  return tiers;
}

export function findTier(slug: string): Tier | undefined {
  return tiers.find((t) => t.slug === slug);
}

/** Protection and extension days for a partner's tier, with the documented defaults. */
export function policyForTier(slug: TierSlug | string): {
  protectionDays: number;
  extensionDays: number;
} {
  const tier = findTier(slug);
  return {
    protectionDays: tier?.protectionDays ?? DEFAULT_PROTECTION_DAYS,
    extensionDays: tier?.extensionDays ?? DEFAULT_EXTENSION_DAYS,
  };
}
