import { externalReferrerHost } from '../../lib/analytics/referrer';
import {
  clientBatchSchema,
  clientEventSchema,
  MAX_BATCH_BYTES,
  MAX_EVENT_AGE_MS,
  MAX_FUTURE_SKEW_MS,
  type ClientEvent,
} from '../../lib/analytics/client-events';
import { PERSONA_SLUGS } from '../../lib/catalog';
import type { DbOrTx } from '../db';
import { AppError, type FieldIssue } from '../errors';
import { groupCommitFor } from './group-commit';
import type { EventInput } from './record-event';
import { zodIssues } from '../validation';

export interface BeaconRequest {
  body: string;
  /** The user agent is a bot's (lib/analytics/bots): the batch is validated, then dropped. */
  isBot: boolean;
  /** The visitor: the id cookie, or the daily hash for DNT/GPC visitors. */
  visitorId: string;
  /** Our own host, so internal navigation does not count as a referral. */
  siteHost: string;
  /** The persona the site currently shows this visitor (from the persona cookie), if any. */
  persona: string | null;
  /** The partner referral remembered for this visitor, for events whose page has no `?ref=`. */
  referral?: string | null;
  userId: string | null;
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

/** The persona a page belongs to, for prerendered persona pages (/for/<slug>). */
function personaOfPath(pathname: string): string | null {
  const slug = /^\/for\/([a-z-]+)\/?$/.exec(pathname)?.[1];
  return slug && (PERSONA_SLUGS as readonly string[]).includes(slug) ? slug : null;
}

/** What an event's page address says: path, persona page, UTM fields and referral code. */
function pageFacts(address: string, fallbackPersona: string | null) {
  const url = new URL(address, 'http://site.invalid');
  const param = (key: string) => url.searchParams.get(key)?.slice(0, 200) || null;
  return {
    path: url.pathname,
    persona: personaOfPath(url.pathname) ?? fallbackPersona,
    utm: Object.fromEntries(UTM_KEYS.map((k) => [k, param(`utm_${k}`)])),
    partnerRef: param('ref'),
  };
}

function toEventInputs(events: ClientEvent[], request: BeaconRequest, now: number): EventInput[] {
  // A batch usually repeats one page address; parse each address once.
  const pages = new Map<string, ReturnType<typeof pageFacts>>();
  return events.map((event) => {
    let page = pages.get(event.url);
    if (!page) {
      page = pageFacts(event.url, request.persona);
      pages.set(event.url, page);
    }
    return {
      type: event.type,
      visitorId: request.visitorId,
      occurredAt: new Date(event.at ?? now).toISOString(),
      userId: request.userId,
      ...page,
      partnerRef: page.partnerRef ?? request.referral ?? null,
      referrerHost: externalReferrerHost(event.referrer, request.siteHost),
      properties: event.props ?? {},
      key: event.id ? `c:${event.id}` : null,
    };
  });
}

/**
 * Validates a beacon batch and records it. All or nothing: one bad event refuses the whole
 * batch with a reason per event, so a batch is never partly stored. Bots are dropped quietly.
 */
export async function ingestBatch(
  db: DbOrTx,
  request: BeaconRequest,
  now: Date = new Date(),
): Promise<{ stored: number; duplicates: number; ignored?: 'bot' }> {
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BATCH_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A batch may be at most ${MAX_BATCH_BYTES / 1024} KB.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON. Send {"events": [...]}.');
  }
  const batch = clientBatchSchema.safeParse(Array.isArray(json) ? { events: json } : json);
  if (!batch.success)
    throw new AppError('BAD_REQUEST', 'The batch was refused.', { issues: zodIssues(batch.error) });

  const issues: FieldIssue[] = [];
  const events: ClientEvent[] = [];
  batch.data.events.forEach((raw, index) => {
    const parsed = clientEventSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(
        ...zodIssues(parsed.error).map((i) => ({
          path: `events.${index}${i.path ? `.${i.path}` : ''}`,
          message: i.message,
        })),
      );
      return;
    }
    const at = parsed.data.at;
    if (at !== undefined && at > now.getTime() + MAX_FUTURE_SKEW_MS) {
      issues.push({ path: `events.${index}.at`, message: 'This event is dated in the future.' });
    } else if (at !== undefined && at < now.getTime() - MAX_EVENT_AGE_MS) {
      issues.push({ path: `events.${index}.at`, message: 'This event is more than 7 days old.' });
    }
    events.push(parsed.data);
  });
  if (issues.length > 0) {
    throw new AppError(
      'BAD_REQUEST',
      `The batch was refused: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was stored.`,
      {
        issues,
      },
    );
  }
  if (request.isBot) return { stored: 0, duplicates: 0, ignored: 'bot' };
  // Concurrent beacons are committed together (one transaction per turn of the event loop). A
  // re-sent batch is not an error: events whose id is stored already are dropped and counted,
  // inside that transaction, so the check costs no query of its own.
  return groupCommitFor(db).record(toEventInputs(events, request, now.getTime()));
}
