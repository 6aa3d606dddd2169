import type { RoiModelId } from '../../lib/catalog';
import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { randomToken } from '../auth/tokens';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { AppError } from '../errors';
import { recordEvent } from '../analytics/record-event';
import * as repo from './repository';
import { shareUrl, toView, type ScenarioView } from './view';

/**
 * Read-only share links. A token has 160 random bits, so it cannot be guessed; it is stored
 * as is (not hashed) so the owner can copy the link again: anyone who can read the table can
 * read the scenarios themselves, so hashing would protect nothing. Revoking ends the link for
 * good (a new share makes a new token); a revoked or unknown token is NOT_FOUND.
 */

const notFound = () =>
  new AppError('NOT_FOUND', 'That scenario does not exist, or it is not yours to share.');

/** Creates the scenario's share link, or returns the active one; records `scenario_shared`. */
export async function shareScenario(
  db: Db,
  user: SessionUser,
  id: string,
  now: Date = new Date(),
): Promise<{ token: string; url: string; createdAt: string; isNew: boolean }> {
  const row = await repo.findScenarioForOwner(db, id, user.id);
  if (!row) throw notFound();
  return db.transaction().execute(async (trx) => {
    const active = await repo.findActiveShare(trx, id);
    if (active) {
      return {
        token: active.token,
        url: shareUrl(active.token),
        createdAt: active.created_at,
        isNew: false,
      };
    }
    const token = randomToken(20);
    const createdAt = isoNow(now);
    await repo.insertShare(trx, {
      id: newId(now.getTime()),
      scenario_id: id,
      token,
      created_by: user.id,
      created_at: createdAt,
    });
    await recordEvent(
      trx,
      {
        type: 'scenario_shared',
        visitorId: `user:${user.id}`,
        userId: user.id,
        path: `/roi/scenarios/${id}`,
        properties: { scenarioId: id, model: row.model as RoiModelId },
      },
      now,
    );
    return { token, url: shareUrl(token), createdAt, isNew: true };
  });
}

/** Ends every active share link of the user's scenario. */
export async function revokeShare(
  db: Db,
  user: SessionUser,
  id: string,
  now: Date = new Date(),
): Promise<{ revoked: number }> {
  const row = await repo.findScenarioForOwner(db, id, user.id);
  if (!row) throw notFound();
  return { revoked: await repo.revokeShares(db, id, isoNow(now)) };
}

export interface SharedScenario extends Omit<ScenarioView, 'id' | 'isShared'> {
  ownerName: string;
  sharedAt: string;
}

/**
 * The read-only view behind a share token, for anyone holding the link. It leaves out the
 * scenario id, so the link grants nothing beyond reading.
 */
export async function getSharedScenario(db: Db, token: string): Promise<SharedScenario> {
  const row = await repo.findSharedScenario(db, token);
  if (!row) {
    throw new AppError('NOT_FOUND', 'This link does not work: it may have been revoked.');
  }
  const { owner_name, shared_at, ...scenario } = row;
  const { id: _id, isShared: _isShared, ...view } = toView(scenario, true);
  return { ...view, ownerName: owner_name, sharedAt: shared_at };
}
