import { findScenarioOfPartner } from '../roi/repository';
import type { DealInput } from '../../lib/deals/schema';
import { decideTransition } from '../../lib/deals/machine';
import { newId } from '../../lib/ids';
import { matchKeysOf } from '../../lib/matching/keys';
import { isoNow } from '../../lib/time';
import { auditActorOf, recordAudit } from '../audit/record';
import { policyForTier } from '../content/tiers';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import type { DealUpdate, NewDeal } from '../schema';
import { requirePartner } from '../auth/permissions';
import type { Actor } from './actor';
import { findMatches, ownReport, reportOf, type Matches } from './conflicts';
import { inTransaction, isUniqueViolation } from '../transactions';
import { DuplicateDealError } from './errors';
import { applyDealAction } from './lifecycle';
import { columnsOf, EDITABLE_FIELDS } from './deal-columns';
import {
  findDeal,
  findDealByExternalId,
  insertDeal,
  updateDealIfVersion,
  type DealRow,
} from './repository';

/**
 * A deal may carry the ROI scenario that prices it, if someone in the same partner company saved
 * it; another company's scenario id is refused as unknown, never shown.
 */
async function refuseUnknownScenario(
  db: DbOrTx,
  partnerId: string,
  scenarioId: string | null | undefined,
) {
  if (!scenarioId) return;
  if (await findScenarioOfPartner(db, scenarioId, partnerId)) return;
  throw new AppError(
    'BAD_REQUEST',
    'That ROI scenario is not one of your company’s saved scenarios.',
    {
      issues: [
        {
          path: 'roiScenarioId',
          message: 'Choose a scenario saved by someone in your company (save one at /roi).',
        },
      ],
    },
  );
}

/**
 * Runs the conflict rules once for a registration and refuses a second open deal for the same
 * customer with a product in common. The matches are returned so that submitting in the same
 * step reuses them instead of running the rules again.
 */
async function refuseDuplicate(
  db: DbOrTx,
  partnerId: string,
  input: DealInput,
  selfId: string | null,
  now: Date,
): Promise<Matches> {
  const matches = await findMatches(
    db,
    partnerId,
    { keys: matchKeysOf(input), products: input.products },
    selfId,
    'register',
  );
  const { duplicate } = ownReport(matches.own);
  if (duplicate) throw new DuplicateDealError(duplicate, reportOf(matches, now));
  return matches;
}

/** The external id (the partner's CRM id) is another deal's: a 409 on the `externalId` field. */
function externalIdTaken(externalId: string, holderId: string | null): AppError {
  const holder = holderId ? `your deal ${holderId}` : 'another of your deals';
  return new AppError('CONFLICT', `External id ${externalId} is already used by ${holder}.`, {
    issues: [
      {
        path: 'externalId',
        message: `Already used by ${holderId ? `deal ${holderId}` : 'another of your deals'}.`,
      },
    ],
  });
}

async function refuseTakenExternalId(
  db: DbOrTx,
  partnerId: string,
  externalId: string | undefined,
  selfId: string | null,
) {
  if (!externalId) return;
  const existing = await findDealByExternalId(db, partnerId, externalId);
  if (existing && existing.id !== selfId) throw externalIdTaken(externalId, existing.id);
}

/**
 * Runs a deal write; when two requests claim the same external id at once, the unique index
 * (partner_id, external_id) refuses the second, and that is a 409. The holder is not looked up:
 * after the violation PostgreSQL accepts no further statement in the transaction.
 */
async function claimingExternalId<T>(externalId: string | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (externalId && isUniqueViolation(error)) throw externalIdTaken(externalId, null);
    throw error;
  }
}

/**
 * Registers a deal for the actor's partner company, as a draft or (with `submit`) submitted
 * for review at once. The partner comes from the session or API key, never from the input.
 */
export async function createDeal(
  db: DbOrTx,
  actor: Actor | null,
  input: DealInput,
  options: { submit?: boolean; source?: 'portal' | 'api' | 'seed' } = {},
  now: Date = new Date(),
): Promise<DealRow> {
  const { user, partnerId } = requirePartner(actor);
  return inTransaction(db, async (trx) => {
    await refuseTakenExternalId(trx, partnerId, input.externalId, null);
    await refuseUnknownScenario(trx, partnerId, input.roiScenarioId);
    const matches = await refuseDuplicate(trx, partnerId, input, null, now);
    const id = newId(now.getTime());
    const row: NewDeal = {
      id,
      partner_id: partnerId,
      created_by: user.id,
      source: options.source ?? (user.apiKey ? 'api' : 'portal'),
      status: 'draft',
      ...columnsOf(input),
      created_at: isoNow(now),
      updated_at: isoNow(now),
    };
    await claimingExternalId(input.externalId, () => insertDeal(trx, row));
    await recordAudit(
      trx,
      {
        entityType: 'deal',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'create',
        to: 'draft',
      },
      now,
    );
    const deal = (await findDeal(trx, id, partnerId)) as DealRow;
    return options.submit
      ? applyDealAction(trx, deal, { type: 'submit' }, user, now, { matches })
      : deal;
  });
}

/**
 * A partner edits a draft or a returned deal (the state machine's `edit`). Every changed
 * field goes into the audit log as [before, after]. With `submit`, the deal is (re)submitted
 * in the same transaction.
 */
export async function updateDeal(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  input: DealInput,
  options: { submit?: boolean; expectedVersion?: number } = {},
  now: Date = new Date(),
): Promise<DealRow> {
  const { user, partnerId } = requirePartner(actor);
  return inTransaction(db, async (trx) => {
    const deal = await findDeal(trx, id, partnerId);
    if (!deal) throw new AppError('NOT_FOUND', 'There is no deal with that id in your company.');
    const decision = decideTransition(
      {
        status: deal.status,
        hasConflict: deal.has_conflict === 1,
        protectedUntil: deal.protected_until,
        extensionStatus: deal.extension_status,
      },
      { type: 'edit' },
      'partner',
      isoNow(now),
      policyForTier(deal.partner_tier),
    );
    if (!decision.ok) throw new AppError('CONFLICT', decision.message);
    if (options.expectedVersion !== undefined && options.expectedVersion !== deal.version) {
      throw new AppError(
        'CONFLICT',
        'Someone changed this deal while you were editing. Reload it and apply your changes again.',
      );
    }
    await refuseTakenExternalId(trx, partnerId, input.externalId, id);
    await refuseUnknownScenario(trx, partnerId, input.roiScenarioId);
    const matches = await refuseDuplicate(trx, partnerId, input, id, now);
    const columns = columnsOf(input);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of EDITABLE_FIELDS) {
      if (String(deal[field] ?? '') !== String(columns[field] ?? ''))
        changes[field] = [deal[field], columns[field]];
    }
    let after: DealRow = deal;
    if (Object.keys(changes).length > 0) {
      const patch: DealUpdate = { ...columns, updated_at: isoNow(now) };
      const isUpdated = await claimingExternalId(input.externalId, () =>
        updateDealIfVersion(trx, id, deal.version, patch),
      );
      if (!isUpdated) {
        throw new AppError(
          'CONFLICT',
          'Someone changed this deal a moment ago. Reload it and try again.',
        );
      }
      await recordAudit(
        trx,
        {
          entityType: 'deal',
          entityId: id,
          partnerId,
          actor: auditActorOf(user),
          action: 'edit',
          from: deal.status,
          to: deal.status,
          changes,
        },
        now,
      );
      after = (await findDeal(trx, id, partnerId)) as DealRow;
    }
    return options.submit
      ? applyDealAction(trx, after, { type: 'submit' }, user, now, { matches })
      : after;
  });
}
