import { foldHost, foldUtmSource } from '../../lib/analytics/source';
import { isWebsiteTraffic } from '../../lib/events';
import { newId } from '../../lib/ids';
import {
  assignSession,
  SESSION_IDLE_MS,
  VISIT_STATE_KEPT_MS,
  type SessionState,
} from '../../lib/analytics/sessions';
import { isoNow } from '../../lib/time';
import type { EventType } from '../../lib/events';
import { activeFunnels } from './funnel-definitions';
import { applyRollups, type RolledEvent } from './rollups';
import { findSessions, lockVisitors, saveSessions } from './rollup-repository';
import type { DbOrTx } from '../db';
import { insertRowsPrepared } from '../prepared';
import type { NewEvent } from '../schema';

export interface EventInput {
  type: EventType;
  visitorId: string;
  occurredAt?: string;
  userId?: string | null;
  persona?: string | null;
  variant?: string | null;
  personaSource?: string | null;
  path?: string | null;
  referrerHost?: string | null;
  utm?: Partial<Record<'source' | 'medium' | 'campaign' | 'content' | 'term', string | null>>;
  partnerRef?: string | null;
  properties?: Record<string, unknown>;
  /**
   * Makes a repeat harmless: a beacon event's random id (`c:<id>`), or for a server event a
   * retry could repeat, a key derived from what it records (`lead_created:<lead id>`). An event
   * whose key is already stored is dropped.
   */
  key?: string | null;
}

/**
 * A path segment that is an id or a secret (a reset or invitation token, a share link, a deal
 * id), not a page name: long and containing a digit, or very long without hyphens. Slugs such as
 * `virtual-contact-centre` are kept.
 */
function isIdSegment(segment: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return false;
  return (
    (segment.length >= 16 && /\d/.test(segment)) || (segment.length >= 24 && !segment.includes('-'))
  );
}

/**
 * Paths are stored without query string or fragment (they can carry personal data), with ids and
 * tokens replaced by `:id` (a reset link in the analytics would be a working password reset for
 * anyone who reads it, and one path per id would swamp the rollups), capped at 200 characters.
 */
export function normalisePath(path: string | null | undefined): string | null {
  if (!path) return null;
  const bare = path.replace(/[?#].*$/, '');
  return (
    bare
      .split('/')
      .map((segment) => (isIdSegment(segment) ? ':id' : segment))
      .join('/')
      .slice(0, 200) || '/'
  );
}

function toRow(event: EventInput, receivedAt: string): NewEvent {
  return {
    occurred_at: event.occurredAt ?? receivedAt,
    received_at: receivedAt,
    type: event.type,
    visitor_id: event.visitorId,
    session_id: null,
    user_id: event.userId ?? null,
    persona: event.persona ?? null,
    variant: event.variant ?? null,
    persona_source: event.personaSource ?? null,
    path: normalisePath(event.path),
    // Folded here, the one door every event passes, so no rollup sees two spellings of a source.
    referrer_host: foldHost(event.referrerHost),
    utm_source: foldUtmSource(event.utm?.source),
    utm_medium: event.utm?.medium ?? null,
    utm_campaign: event.utm?.campaign ?? null,
    utm_content: event.utm?.content ?? null,
    utm_term: event.utm?.term ?? null,
    partner_ref: event.partnerRef ?? null,
    properties: JSON.stringify(event.properties ?? {}),
    event_key: event.key ?? null,
  };
}

/** The session of this visitor's stored event nearest to `at` within 30 minutes, if any. */
async function sessionAround(db: DbOrTx, visitorId: string, at: number): Promise<string | null> {
  const rows = await db
    .selectFrom('events')
    .select(['session_id', 'occurred_at'])
    .where('visitor_id', '=', visitorId)
    .where('session_id', 'is not', null)
    .where('occurred_at', '>=', new Date(at - SESSION_IDLE_MS).toISOString())
    .where('occurred_at', '<=', new Date(at + SESSION_IDLE_MS).toISOString())
    .execute();
  let best: { id: string; distance: number } | null = null;
  for (const row of rows) {
    const distance = Math.abs(Date.parse(row.occurred_at) - at);
    if (row.session_id && (!best || distance < best.distance))
      best = { id: row.session_id, distance };
  }
  return best?.id ?? null;
}

const KEY_CHUNK = 500;

/** Which of these event keys are stored already. */
async function knownEventKeys(db: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += KEY_CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select('event_key')
      .where('event_key', 'in', unique.slice(i, i + KEY_CHUNK))
      .execute();
    for (const row of rows) if (row.event_key) known.add(row.event_key);
  }
  return known;
}

/** Splits rows into those to store and repeats (key stored already, or earlier in the batch). */
async function withoutRepeats<T extends { row: NewEvent }>(
  db: DbOrTx,
  items: T[],
): Promise<{ kept: T[]; repeats: T[] }> {
  const keys = items.flatMap((i) => (i.row.event_key ? [i.row.event_key] : []));
  if (keys.length === 0) return { kept: items, repeats: [] };
  const seen = await knownEventKeys(db, keys);
  const kept: T[] = [];
  const repeats: T[] = [];
  for (const item of items) {
    const key = item.row.event_key;
    if (key && seen.has(key)) repeats.push(item);
    else {
      if (key) seen.add(key);
      kept.push(item);
    }
  }
  return { kept, repeats };
}

/** Gives every event its visit (30 minutes of inactivity ends one) and remembers where each visitor is. */
async function assignSessions(db: DbOrTx, rows: NewEvent[], now: Date): Promise<boolean[]> {
  // Visit state older than this may have been deleted (retention.ts): without a state, an
  // event that old is placed by the stored events around it, like any late event.
  const stateHorizon = now.getTime() - VISIT_STATE_KEPT_MS;
  // Business events (src/lib/events.ts) belong to no visit.
  const traffic = rows.filter((r) => isWebsiteTraffic(r.type));
  const visitorIds = [...new Set(traffic.map((r) => r.visitor_id))];
  await lockVisitors(db, visitorIds);
  const states = new Map<string, SessionState | null>(
    (await findSessions(db, visitorIds)).map((s) => [
      s.visitor_id,
      {
        sessionId: s.session_id,
        startedAt: Date.parse(s.started_at),
        lastSeenAt: Date.parse(s.last_seen_at),
      },
    ]),
  );
  // Visits opened here for late events, by visitor: the next event of the batch (they come
  // in time order) within 30 minutes joins one instead of opening another.
  const opened = new Map<string, { sessionId: string; startedAt: number; lastAt: number }>();
  const placeLate = async (row: NewEvent, at: number): Promise<boolean> => {
    const previous = opened.get(row.visitor_id);
    if (previous && at - previous.lastAt <= SESSION_IDLE_MS) {
      row.session_id = previous.sessionId;
      previous.lastAt = Math.max(previous.lastAt, at);
      return false;
    }
    // The visit its own time belongs to (a stored one within 30 minutes), or a new one that day.
    const visit = await sessionAround(db, row.visitor_id, at);
    row.session_id = visit ?? newId(at);
    opened.set(row.visitor_id, { sessionId: row.session_id, startedAt: at, lastAt: at });
    return visit === null;
  };
  const starts: boolean[] = [];
  for (const row of rows) {
    if (!isWebsiteTraffic(row.type)) {
      starts.push(false);
      continue;
    }
    const at = Date.parse(row.occurred_at);
    let state = states.get(row.visitor_id) ?? null;
    if (state === null && at < stateHorizon) {
      starts.push(await placeLate(row, at));
      continue;
    }
    const early = opened.get(row.visitor_id);
    if (state === null && early && at - early.lastAt <= SESSION_IDLE_MS) {
      // A visit that began before the horizon and goes on past it: it is the current one.
      state = { sessionId: early.sessionId, startedAt: early.startedAt, lastSeenAt: early.lastAt };
    }
    const placed = assignSession(state, at, () => newId(at));
    if (placed.isEarlier) {
      starts.push(await placeLate(row, at));
      continue;
    }
    states.set(row.visitor_id, placed.state);
    row.session_id = placed.state.sessionId;
    starts.push(placed.isNew);
  }
  await saveSessions(
    db,
    visitorIds.flatMap((visitorId) => {
      // A visitor seen here only in events too old to have a current visit keeps none.
      const s = states.get(visitorId);
      if (!s) return [];
      return [
        {
          visitor_id: visitorId,
          session_id: s.sessionId,
          started_at: new Date(s.startedAt).toISOString(),
          last_seen_at: new Date(s.lastSeenAt).toISOString(),
        },
      ];
    }),
  );
  return starts;
}

const EVENT_COLUMNS = [
  'occurred_at',
  'received_at',
  'type',
  'visitor_id',
  'session_id',
  'user_id',
  'persona',
  'variant',
  'persona_source',
  'path',
  'referrer_host',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'partner_ref',
  'properties',
  'event_key',
] as const satisfies readonly (keyof NewEvent)[];

async function recordInTransaction(
  db: DbOrTx,
  events: EventInput[],
  now: Date,
): Promise<ReadonlySet<EventInput>> {
  const receivedAt = isoNow(now);
  // Time order within the batch, so ids follow time and a replay by id sees what we saw.
  const all = events
    .map((event) => ({ event, row: toRow(event, receivedAt) }))
    .sort((a, b) =>
      a.row.occurred_at < b.row.occurred_at ? -1 : a.row.occurred_at > b.row.occurred_at ? 1 : 0,
    );
  // Checked inside the transaction; two retries racing each other on PostgreSQL meet the unique
  // index instead (one batch fails, its client retries and then finds the key).
  const { kept, repeats } = await withoutRepeats(db, all);
  const dropped = new Set(repeats.map((r) => r.event));
  if (kept.length === 0) return dropped;
  const rows = kept.map((k) => k.row);
  const starts = await assignSessions(db, rows, now);
  await insertRowsPrepared(db, 'events', EVENT_COLUMNS, rows);
  const rolled: RolledEvent[] = rows.map((row, i) => ({
    ...row,
    isSessionStart: starts[i] ?? false,
  }));
  await applyRollups(db, rolled, await activeFunnels(db));
  return dropped;
}

/**
 * Records events with their rollups in one transaction (the caller's, or a new one). Returns
 * the events it dropped as repeats: their key was stored already (a re-sent beacon, a retry).
 */
export async function recordEvents(
  db: DbOrTx,
  events: EventInput[],
  now: Date = new Date(),
): Promise<ReadonlySet<EventInput>> {
  if (events.length === 0) return new Set();
  if (db.isTransaction) return recordInTransaction(db, events, now);
  return db.transaction().execute((trx) => recordInTransaction(trx, events, now));
}

export async function recordEvent(
  db: DbOrTx,
  event: EventInput,
  now: Date = new Date(),
): Promise<void> {
  await recordEvents(db, [event], now);
}
