import { newId } from '../../lib/ids';
import { addMs, DAY, isoNow } from '../../lib/time';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { hashPassword } from '../auth/password';
import { PARTNER_ROLES, requirePartner } from '../auth/permissions';
import { createSession, type SessionUser } from '../auth/session';
import { randomToken, sha256Hex } from '../auth/tokens';
import { config } from '../config';
import { enqueueMail } from '../mail/mailer';
import type { Role } from '../schema';
import { normaliseEmail } from '../users/login';
import * as users from '../users/repository';
import { inTransaction } from '../transactions';
import * as repo from './repository';

/** An invitation link is valid for 7 days, once. */
export const INVITATION_TTL_MS = 7 * DAY;

export type PartnerRole = Extract<Role, (typeof PARTNER_ROLES)[number]>;

/**
 * Creates an invitation into an existing partner company and e-mails its link. Used by a
 * partner admin for their own company, and by the partner program when it approves an
 * application. Returns the token so tests and the caller can build the link.
 */
export async function createInvitation(
  db: DbOrTx,
  input: {
    partnerId: string;
    partnerName: string;
    email: string;
    role: PartnerRole;
    invitedBy: SessionUser | null;
  },
  now: Date = new Date(),
): Promise<{ id: string; token: string; expiresAt: string }> {
  const email = normaliseEmail(input.email);
  if (await users.findUserByEmail(db, email)) {
    throw new AppError('CONFLICT', `${email} already has a Chasm account.`, {
      issues: [{ path: 'email', message: 'This address already has an account.' }],
    });
  }
  const token = randomToken(32);
  const id = newId(now.getTime());
  const expiresAt = addMs(isoNow(now), INVITATION_TTL_MS);
  await repo.insertInvitation(db, {
    id,
    token_hash: sha256Hex(token),
    partner_id: input.partnerId,
    email,
    role: input.role,
    invited_by: input.invitedBy?.id ?? null,
    expires_at: expiresAt,
    accepted_at: null,
    created_at: isoNow(now),
  });
  const inviter = input.invitedBy ? `${input.invitedBy.name} invited you` : 'You are invited';
  await enqueueMail(
    db,
    {
      to: email,
      category: 'invitation',
      subject: `Join ${input.partnerName} on Chasm`,
      text: [
        `${inviter} to join ${input.partnerName} in the Relay partner portal.`,
        '',
        `Accept within 7 days: ${config().publicOrigin}/invite/${token}`,
      ].join('\n'),
    },
    now,
  );
  return { id, token, expiresAt };
}

/** A partner admin invites a colleague into their own company (from the session, never the request). */
export async function inviteColleague(
  db: DbOrTx,
  actor: SessionUser | null,
  input: { email: string; role: PartnerRole },
  now: Date = new Date(),
) {
  const { user, partnerId } = requirePartner(actor);
  if (user.role !== 'partner_admin') {
    throw new AppError('FORBIDDEN', 'Only a partner admin can invite colleagues.');
  }
  return inTransaction(db, (trx) =>
    createInvitation(
      trx,
      {
        partnerId,
        partnerName: user.partner?.name ?? '',
        email: input.email,
        role: input.role,
        invitedBy: user,
      },
      now,
    ),
  );
}

async function usableInvitation(db: DbOrTx, token: string, now: Date) {
  const invitation = await repo.findInvitationByTokenHash(db, sha256Hex(token));
  if (!invitation || invitation.accepted_at || invitation.expires_at <= isoNow(now)) {
    throw new AppError(
      'NOT_FOUND',
      'This invitation has expired or was already used. Ask your partner admin for a new one.',
    );
  }
  return invitation;
}

/** What the accept page shows: who is invited, into which company. */
export async function describeInvitation(db: DbOrTx, token: string, now: Date = new Date()) {
  const invitation = await usableInvitation(db, token, now);
  return { email: invitation.email, partnerName: invitation.partner_name, role: invitation.role };
}

/** Accepts an invitation: creates the account in the inviting company and signs it in. */
export async function acceptInvitation(
  db: DbOrTx,
  token: string,
  input: { name: string; password: string },
  now: Date = new Date(),
) {
  const invitation = await usableInvitation(db, token, now);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    if (!(await repo.markInvitationAccepted(trx, invitation.id, isoNow(now)))) {
      throw new AppError('NOT_FOUND', 'This invitation was already used.');
    }
    if (await users.findUserByEmail(trx, invitation.email)) {
      throw new AppError(
        'CONFLICT',
        `${invitation.email} already has a Chasm account. Sign in instead.`,
      );
    }
    const userId = newId(now.getTime());
    await users.insertUser(trx, {
      id: userId,
      email: invitation.email,
      name: input.name.trim(),
      role: invitation.role,
      partner_id: invitation.partner_id,
      password_hash: passwordHash,
      created_at: isoNow(now),
      updated_at: isoNow(now),
    });
    return createSession(trx, userId, invitation.role, now);
  });
}

/** The partner admin's team page: members and invitations of their own company. */
export async function listTeam(db: DbOrTx, actor: SessionUser | null) {
  const { partnerId } = requirePartner(actor);
  const [members, invitations] = await Promise.all([
    users.listUsersOfPartner(db, partnerId),
    repo.listInvitationsOfPartner(db, partnerId),
  ]);
  return { members, invitations: invitations.map(({ token_hash: _omit, ...rest }) => rest) };
}
