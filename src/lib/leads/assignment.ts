import type { SalesOwner } from '../content/campaign-schemas';

/**
 * Picks who answers a new lead: among the owners covering its persona, the one with the fewest
 * leads still waiting for a first response; ties go to the owner listed first in
 * content/sales/team.yaml. Balancing on open work (not on leads received) keeps a busy owner
 * from being handed a lead they cannot answer inside the five-minute window.
 */
export function chooseOwner(
  owners: readonly SalesOwner[],
  persona: string,
  openLeadsByOwner: Readonly<Record<string, number>>,
): SalesOwner | null {
  let best: SalesOwner | null = null;
  let bestOpen = Infinity;
  for (const owner of owners) {
    if (!(owner.personas as readonly string[]).includes(persona)) continue;
    const open = openLeadsByOwner[owner.key] ?? 0;
    if (open < bestOpen) {
      best = owner;
      bestOpen = open;
    }
  }
  return best;
}
