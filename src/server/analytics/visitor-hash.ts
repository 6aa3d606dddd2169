import { randomBytes } from 'node:crypto';
import { isoNow } from '../../lib/time';
import { sha256Hex } from '../auth/tokens';
import type { DbOrTx } from '../db';
import { deleteSaltsBefore, findSalt, insertSaltIfMissing } from './salt-repository';

let cached: { day: string; salt: string } | undefined;

/**
 * Today's salt for counting visitors without a cookie (Do Not Track / Global Privacy
 * Control). One random salt per UTC day, shared by all processes through the database and
 * deleted once the day is over, so yesterday's hashes can never be linked to today's.
 */
export async function dailySalt(db: DbOrTx, now: Date = new Date()): Promise<string> {
  const day = isoNow(now).slice(0, 10);
  if (cached?.day === day) return cached.salt;
  // The first process to ask on a day creates its salt; the others read that one.
  await insertSaltIfMissing(db, day, randomBytes(32).toString('hex'));
  const salt = await findSalt(db, day);
  cached = { day, salt };
  return salt;
}

/** A cookieless visitor id: hash of the day's salt, the site, the IP address and the user agent. */
export async function cookielessVisitorId(
  db: DbOrTx,
  input: { site: string; ip: string; userAgent: string },
  now: Date = new Date(),
): Promise<string> {
  const salt = await dailySalt(db, now);
  return `h_${sha256Hex(`${salt}|${input.site}|${input.ip}|${input.userAgent}`).slice(0, 32)}`;
}

/** Deletes the salts of past days (run daily); returns how many went. */
export async function discardOldSalts(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const deleted = await deleteSaltsBefore(db, isoNow(now).slice(0, 10));
  if (cached && cached.day < isoNow(now).slice(0, 10)) cached = undefined;
  return deleted;
}
