import type { DbOrTx } from '../db';
import type { Invitation, NewPartner, Partner } from '../schema';

export async function insertPartner(db: DbOrTx, partner: NewPartner): Promise<void> {
  await db.insertInto('partners').values(partner).execute();
}

export async function findPartnerByName(db: DbOrTx, name: string): Promise<Partner | undefined> {
  return db.selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertInvitation(db: DbOrTx, invitation: Invitation): Promise<void> {
  await db.insertInto('invitations').values(invitation).execute();
}

export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('partners', 'partners.id', 'invitations.partner_id')
    .selectAll('invitations')
    .select('partners.name as partner_name')
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Pending and accepted invitations of one partner, newest first. */
export async function listInvitationsOfPartner(
  db: DbOrTx,
  partnerId: string,
): Promise<Invitation[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Marks an invitation accepted; false when it was accepted already (a double submit). */
export async function markInvitationAccepted(
  db: DbOrTx,
  id: string,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: nowIso })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
