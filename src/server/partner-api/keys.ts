import { newId } from '../../lib/ids';
import { addMs, isoNow, MINUTE } from '../../lib/time';
import { auditActorOf, recordAudit } from '../audit/record';
import { requirePartnerAdmin } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { constantTimeEqualHex, randomToken, sha256Hex } from '../auth/tokens';
import type { DbOrTx } from '../db';
import type { Actor } from '../deals/actor';
import { inTransaction } from '../transactions';
import { AppError } from '../errors';
import * as repo from './keys-repository';

/**
 * API keys look like `chasm_<8-character prefix>_<secret>`. The prefix is public (it finds the
 * row and tells keys apart in lists); the whole key is shown once, at creation, and only its
 * SHA-256 is stored, so a database leak yields no usable key.
 */
const KEY_PATTERN = /^(chasm_[a-z2-9]{8})_([a-z2-9]{32,64})$/;

/** A new key: what uses it, and when it expires (checked by `operations/create-api-key.ts`). */
export interface ApiKeyRequest {
  name: string;
  expiresInDays?: number | undefined;
}

/** Creates a key for the admin's company and returns it in full, this one time. */
export async function createApiKey(
  db: DbOrTx,
  actor: SessionUser | null,
  input: ApiKeyRequest,
  now: Date = new Date(),
): Promise<{ id: string; key: string; prefix: string }> {
  const { user, partnerId } = requirePartnerAdmin(actor);
  const prefix = `chasm_${randomToken(5)}`;
  const key = `${prefix}_${randomToken(25)}`;
  const id = newId(now.getTime());
  await inTransaction(db, async (trx) => {
    await repo.insertApiKey(trx, {
      id,
      partner_id: partnerId,
      name: input.name,
      prefix,
      key_hash: sha256Hex(key),
      created_by: user.id,
      created_at: isoNow(now),
      expires_at: input.expiresInDays
        ? addMs(isoNow(now), input.expiresInDays * 24 * 60 * MINUTE)
        : null,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
      rate_limit_per_minute: null,
    });
    await recordAudit(
      trx,
      {
        entityType: 'api_key',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'create',
        to: 'active',
        reason: `Key ${prefix} “${input.name}”`,
      },
      now,
    );
  });
  return { id, key, prefix };
}

/** The company's keys: name, prefix, creator, created, last used, revoked. Never the secret. */
export async function listApiKeysFor(db: DbOrTx, actor: SessionUser | null) {
  const { partnerId } = requirePartnerAdmin(actor);
  return repo.listApiKeys(db, partnerId);
}

/** Revokes a key at once; requests with it get 401 from then on. Another company's key is a 404. */
export async function revokeApiKeyFor(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  const { user, partnerId } = requirePartnerAdmin(actor);
  await inTransaction(db, async (trx) => {
    const key = await repo.findApiKey(trx, id, partnerId);
    if (!key) throw new AppError('NOT_FOUND', 'There is no API key with that id in your company.');
    if (!(await repo.revokeApiKey(trx, id, user.id, isoNow(now)))) return;
    await recordAudit(
      trx,
      {
        entityType: 'api_key',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'revoke',
        from: 'active',
        to: 'revoked',
        reason: `Key ${key.prefix}`,
      },
      now,
    );
  });
}

export interface ApiPrincipal {
  actor: Actor;
  keyId: string;
  ratePerMinute: number | null;
}

const unauthorized = (message: string) => new AppError('UNAUTHORIZED', message);

/**
 * Resolves `Authorization: Bearer <key>` to the partner it acts for. The key acts with a partner
 * rep's rights in its company; it stops working when revoked, expired, or when the person who
 * created it loses access (so off-boarding someone also retires their keys).
 */
export async function authenticateApiKey(
  db: DbOrTx,
  header: string | null,
  now: Date = new Date(),
): Promise<ApiPrincipal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw unauthorized('Send your API key as `Authorization: Bearer <key>`.');
  const parts = KEY_PATTERN.exec(match[1] ?? '');
  if (!parts) throw unauthorized('That is not a valid API key.');
  const row = await repo.findApiKeyByPrefix(db, parts[1] ?? '');
  if (!row || !constantTimeEqualHex(row.key_hash, sha256Hex(match[1] ?? '')))
    throw unauthorized('That is not a valid API key.');
  const nowIso = isoNow(now);
  if (row.revoked_at)
    throw unauthorized('This API key was revoked. Ask your partner admin for a new one.');
  if (row.expires_at && row.expires_at <= nowIso)
    throw unauthorized('This API key has expired. Ask your partner admin for a new one.');
  if (!row.created_by || row.creator_active !== 1 || row.creator_partner_id !== row.partner_id) {
    throw unauthorized(
      'The person who created this API key no longer has access; create a new key.',
    );
  }
  await repo.touchApiKey(db, row.id, nowIso, addMs(nowIso, -MINUTE));
  return {
    keyId: row.id,
    ratePerMinute: row.rate_limit_per_minute,
    actor: {
      id: row.created_by,
      email: row.creator_email ?? '',
      name: row.creator_name ?? 'API',
      role: 'partner_rep',
      partner: { id: row.partner_id, name: row.partner_name },
      apiKey: { id: row.id, prefix: row.prefix },
    },
  };
}
