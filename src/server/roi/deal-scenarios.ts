import { requirePartner } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { findScenarioOfPartner, listScenariosOfPartner } from './repository';
import type { ScenarioSummary } from './view';

export interface ScenarioChoice {
  id: string;
  name: string;
  model: string;
  npvCents: number;
  currency: string;
}

function toChoice(row: {
  id: string;
  name: string;
  model: string;
  summary: string;
  currency: string;
}): ScenarioChoice {
  const summary = JSON.parse(row.summary) as ScenarioSummary;
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    npvCents: summary.npvCents,
    currency: row.currency,
  };
}

/** The ROI scenarios a partner user may attach to a deal: those saved by anyone in their company. */
export async function scenarioChoicesForDeal(
  db: DbOrTx,
  actor: SessionUser | null,
): Promise<ScenarioChoice[]> {
  const { partnerId } = requirePartner(actor);
  return (await listScenariosOfPartner(db, partnerId)).map(toChoice);
}

/**
 * The business case attached to a deal, for the deal page: its name, model and NPV. Shown to the
 * deal's partner and to the channel managers reviewing it, as part of the registration.
 */
export async function attachedScenario(
  db: DbOrTx,
  deal: { partnerId: string; roiScenarioId: string | null },
): Promise<ScenarioChoice | null> {
  if (!deal.roiScenarioId) return null;
  const row = await findScenarioOfPartner(db, deal.roiScenarioId, deal.partnerId);
  return row ? toChoice(row) : null;
}
