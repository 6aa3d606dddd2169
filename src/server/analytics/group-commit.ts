import type { DbOrTx } from '../db';
import { recordEvents, type EventInput } from './record-event';

/** A flush stops adding callers once it holds this many events (a caller is never split). */
const MAX_BATCH = 2000;

/** What one caller's events came to: stored, or dropped as repeats of stored events. */
export interface RecordedCount {
  stored: number;
  duplicates: number;
}

interface Waiting {
  events: EventInput[];
  done: (count: RecordedCount) => void;
  fail: (error: unknown) => void;
}

/**
 * Group commit for events that must be stored before the response that reports them is sent
 * (exposures, analytics beacons). Each caller waits for its own events to be committed, exactly
 * as with its own transaction, but the events of every request that arrived in the same turn of
 * the event loop are written in one transaction. Under load this turns hundreds of small commits
 * into a few large ones (about twice the events per second at 1,000 events a commit); with one
 * request at a time it is one transaction, as before. A caller's events always share one
 * transaction, so a batch is never partly stored; if the write fails, every caller of that flush
 * fails and nothing of it is stored.
 */
export class EventGroupCommit {
  private waiting: Waiting[] = [];
  private isScheduled = false;

  constructor(private readonly db: () => DbOrTx) {}

  record(events: EventInput | EventInput[]): Promise<RecordedCount> {
    return new Promise<RecordedCount>((done, fail) => {
      this.waiting.push({ events: Array.isArray(events) ? events : [events], done, fail });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.isScheduled = false;
    let size = 0;
    let take = 0;
    while (
      take < this.waiting.length &&
      (take === 0 || size + this.waiting[take]!.events.length <= MAX_BATCH)
    ) {
      size += this.waiting[take]!.events.length;
      take++;
    }
    const batch = this.waiting.splice(0, take);
    if (this.waiting.length > 0) this.schedule();
    if (batch.length === 0) return;
    try {
      const dropped = await recordEvents(
        this.db(),
        batch.flatMap((w) => w.events),
      );
      for (const w of batch) {
        const duplicates = w.events.filter((e) => dropped.has(e)).length;
        w.done({ stored: w.events.length - duplicates, duplicates });
      }
    } catch (error) {
      for (const w of batch) w.fail(error);
    }
  }
}

const perDatabase = new WeakMap<object, EventGroupCommit>();

/**
 * The one group commit of a database, shared by every writer of request-time events (beacons,
 * home-page exposures), so events that arrive together share a transaction whichever route
 * they came through.
 */
export function groupCommitFor(db: DbOrTx): EventGroupCommit {
  let commit = perDatabase.get(db);
  if (!commit) {
    commit = new EventGroupCommit(() => db);
    perDatabase.set(db, commit);
  }
  return commit;
}
